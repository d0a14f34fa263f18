"""What every browser test may ask of a screen: an axe-core check and a screenshot, and the
list of screens the walk visits (test_walk.py). A new screen joins the walk with one line in
WALK; its test may call check_accessibility and screenshot too."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Test-only (MPL-2.0, see vendor/README.md): injected into the page under test, never part
# of the web app's static files.
AXE = Path(__file__).with_name("vendor") / "axe.min.js"
# What fails a screen. axe's "moderate" and "minor" findings are printed, not failed.
FAILING_IMPACTS = ("serious", "critical")
OFFICE_PC = {"width": 1366, "height": 768}
TABLET = {"width": 800, "height": 1280}
VIEWPORTS = {"pc": OFFICE_PC, "tablet": TABLET}


@dataclass(frozen=True)
class Visit:
    """One screen of the walk: who opens it (a username of conftest.STAFF, or None for
    nobody signed in), where, and the heading that shows it opened as meant."""

    who: str | None
    path: str
    name: str
    heading: str
    status: int = 200
    web: str = "web"  # which web app: "web", or "outage" (one whose services are down)
    shows: str = ""  # a sentence the screen must show besides its heading


# Every current screen, once per role that does its work there. Paths with "{printer}" are
# filled in by the walk with a printer it made.
WALK: tuple[Visit, ...] = (
    Visit(None, "/masuk", "masuk", "Masuk"),
    Visit("rina", "/", "beranda-operator", "Selamat bekerja, Rina"),
    Visit("rina", "/perekaman", "perekaman-cari", "Cari penduduk di daftar wajib KTP"),
    Visit("rina", "/perekaman/rekam", "perekaman", "Rekam penduduk"),
    Visit("rina", "/perekaman/cek-lapangan", "perekaman-cek-lapangan", "Cek lapangan"),
    Visit("rina", "/perekaman/impor-kit", "perekaman-impor-kit",
          "Impor berkas kit perekaman keliling"),
    Visit("rina", "/ruang-cetak", "ditolak", "Anda tidak dapat membuka halaman ini", 403),
    Visit("rina", "/akun/kata-sandi", "kata-sandi", "Ganti kata sandi"),
    Visit("joko", "/ruang-cetak", "ruang-cetak", "Ruang cetak"),
    Visit("joko", "/ruang-cetak/printer/{printer}", "ruang-cetak-printer", "Ubah status printer"),
    Visit("joko", "/ruang-cetak/serah-terima", "ruang-cetak-serah-terima", "Serah terima kartu"),
    Visit("joko", "/ruang-cetak/suket", "ruang-cetak-suket", "Terbitkan surat keterangan"),
    Visit("sari", "/gudang", "gudang", "Gudang blangko"),
    Visit("sari", "/gudang/penerimaan", "gudang-penerimaan", "Terima blangko"),
    Visit("sari", "/gudang/pengeluaran", "gudang-pengeluaran", "Keluarkan blangko"),
    Visit("sari", "/gudang/pengembalian", "gudang-pengembalian", "Catat pengembalian"),
    Visit("sari", "/gudang/opname", "gudang-opname", "Stock opname"),
    Visit("sari", "/gudang/pemusnahan", "gudang-pemusnahan", "Musnahkan blangko"),
    Visit("sari", "/gudang/laporan", "gudang-laporan", "Laporan rekonsiliasi"),
    Visit("hendra", "/supervisor", "supervisor", "Supervisor"),
    Visit("hendra", "/supervisor/antrean", "supervisor-antrean", "Antrean gagal kirim"),
    Visit("hendra", "/supervisor/persetujuan", "supervisor-persetujuan", "Persetujuan"),
    Visit("hendra", "/supervisor/akun", "supervisor-akun", "Akun petugas"),
    Visit("hendra", "/supervisor/akun-baru", "supervisor-akun-baru", "Buat akun baru"),
    Visit("hendra", "/supervisor/akun/rina/peran", "supervisor-peran", "Peran Rina (rina)"),
    Visit("hendra", "/supervisor/audit", "supervisor-audit", "Jejak audit"),
    Visit("kepala", "/", "beranda-kepala", "Selamat bekerja, Kepala"),
    Visit("kepala", "/dasbor", "dasbor", "Dasbor e-KTP"),
    Visit("joko", "/ruang-cetak", "layanan-mati", "layanan pencetakan tidak tersedia", 503,
          web="outage"),
    Visit("kepala", "/dasbor", "dasbor-mati", "Dasbor e-KTP", 503, web="outage",
          shows="Layanan dasbor sedang tidak dapat dihubungi"),
    Visit("kepala", "/", "beranda-saat-dasbor-mati", "Selamat bekerja, Kepala", web="outage"),
)


def output_dir(default: Path) -> Path:
    """Where screenshots go: $EKTP_TEST_OUTPUT when set (CI keeps it as an artefact), else
    the test run's own temporary directory. Never the repository."""
    chosen = Path(os.environ["EKTP_TEST_OUTPUT"]) / "screenshots" \
        if os.environ.get("EKTP_TEST_OUTPUT") else default
    chosen.mkdir(parents=True, exist_ok=True)
    return chosen


def screenshot(page: Any, folder: Path, name: str) -> Path:
    """The whole page as a PNG named after the screen and the viewport's width."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    path = folder / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def check_accessibility(page: Any, name: str = "") -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page as it is; fail on any serious or
    critical violation, naming the rule and the elements. Returns the lesser ones."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # add_script_tag would be refused by the page's CSP (an inline script); evaluate
        # runs in the page from the test's side, which the CSP does not govern.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""() => axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                        "best-practice"]},
        resultTypes: ["violations"]})""")
    violations = result["violations"]
    bad = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    assert not bad, f"{name or page.url}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5]) for v in bad)
    return [v for v in violations if v not in bad]
