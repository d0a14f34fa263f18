"""The web page works with no internet: nothing loaded from outside, labels in Indonesian."""

from __future__ import annotations

import re
from importlib.resources import files

PAGE = files("ektp_dashboard.static").joinpath("index.html").read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_outside():
    # The only absolute URL is the SVG namespace name, which browsers never fetch.
    urls = set(re.findall(r"https?://[^\s\"'<>]+", PAGE))
    assert urls == {"http://www.w3.org/2000/svg"}
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", PAGE)


def test_the_page_speaks_the_office_language_and_keeps_the_token_in_the_tab_only():
    for label in ("Progres per kecamatan", "Laju harian", "Perkiraan selesai", "Blangko",
                  "Printer", "Sinkronisasi ke pusat", "Cari penduduk"):
        assert label in PAGE
    assert "sessionStorage" in PAGE and "localStorage" not in PAGE
    assert "__REFRESH_SECONDS__" in PAGE  # filled in by GET /
