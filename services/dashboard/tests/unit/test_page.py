"""The web page works with no internet: nothing loaded from outside, labels in Indonesian,
and nothing inline (its Content-Security-Policy allows scripts and styles from files only)."""

from __future__ import annotations

import re
from importlib.resources import files

STATIC = files("ektp_dashboard.static")
PAGE = STATIC.joinpath("index.html").read_text(encoding="utf-8")
SCRIPT = STATIC.joinpath("dashboard.js").read_text(encoding="utf-8")


def test_the_page_loads_nothing_from_outside_and_runs_nothing_inline():
    # The only absolute URL is the SVG namespace name, which browsers never fetch.
    urls = set(re.findall(r"https?://[^\s\"'<>]+", PAGE + SCRIPT))
    assert urls == {"http://www.w3.org/2000/svg"}
    loaded = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=\"([^\"]+)\"", PAGE)
    assert loaded == ["/static/dashboard.css", "/static/dashboard.js"]
    assert "<style" not in PAGE and "style=" not in PAGE
    assert not re.search(r"<script>", PAGE)


def test_the_page_speaks_the_office_language_and_keeps_the_token_in_the_tab_only():
    for label in ("Progres per kecamatan", "Laju harian", "Perkiraan selesai", "Blangko",
                  "Printer", "Sinkronisasi ke pusat", "Cari penduduk"):
        assert label in PAGE
    assert "sessionStorage" in SCRIPT and "localStorage" not in SCRIPT
    assert "__REFRESH_SECONDS__" in PAGE  # filled in by GET /
