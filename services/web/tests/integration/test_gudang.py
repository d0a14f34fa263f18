"""The store's screens in a real browser, as the storekeeper works them: receive blanks,
issue them to the print room, count them; what was done is checked through inventory's
API. Screenshots at 1366x768 in pytest's tmp dir."""

from __future__ import annotations

import asyncio
import concurrent.futures
import subprocess
import time
from typing import Any

import httpx

# The browser fixtures are test_browser's (one chromium per module); pytest finds them by
# name here, so ruff sees the test arguments as redefinitions.
# ruff: noqa: F811
from .test_browser import pytestmark, screens, sign_in  # noqa: F401

__all__ = ["pytestmark"]


def inventory_get(office, path: str) -> Any:
    r = httpx.get(office.urls["inventory"] + path, timeout=30,
                  headers={"Authorization": f"Bearer {office.admin_token}"})
    assert r.status_code == 200, r.text
    return r.json()


def in_store(office) -> int:
    return int(inventory_get(office, "/stock")["by_location"].get("store", 0))


def type_into(page, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(text)


def test_the_storekeeper_receives_issues_and_counts_blanks(office, page, screens, tmp_path):
    from playwright.sync_api import expect

    sign_in(page, office, "sari")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Gudang blangko").click()
    expect(page.get_by_role("heading", name="Gudang blangko")).to_be_visible()
    before = in_store(office)

    gudang = page.get_by_role("navigation", name="Gudang")
    gudang.get_by_role("link", name="Penerimaan").click()
    type_into(page, "Nomor surat pengantar", "470/1201/DUKCAPIL")
    type_into(page, "Tanggal surat", "2026-12-01")
    type_into(page, "Jumlah menurut surat", "20")
    type_into(page, "Serial awal", "BLK0001001")
    type_into(page, "Serial akhir", "BLK0001020")
    page.screenshot(path=str(screens / "gudang-penerimaan.png"))
    page.get_by_role("button", name="Simpan penerimaan").click()
    expect(page.get_by_role("heading", name="Penerimaan tercatat")).to_be_visible()
    page.screenshot(path=str(screens / "gudang-diterima.png"))
    assert in_store(office) == before + 20
    blank = inventory_get(office, "/blanks/BLK0001020")
    assert blank["state"] == "IN_STORE"

    # A second shipment from the chip reader's file of UIDs.
    uids = tmp_path / "uid.txt"
    uids.write_text("".join(f"blk00020{n:02d}\n" for n in range(1, 11)))
    gudang.get_by_role("link", name="Penerimaan").click()
    type_into(page, "Nomor surat pengantar", "470/1201-B/DUKCAPIL")
    type_into(page, "Tanggal surat", "2026-12-01")
    page.get_by_label("Berkas UID chip").set_input_files(uids)
    page.get_by_role("button", name="Simpan penerimaan").click()
    expect(page.get_by_role("heading", name="Penerimaan tercatat")).to_be_visible()
    expect(page.locator("#hasil")).to_contain_text("BLK0002001 s.d. BLK0002010")
    assert inventory_get(office, "/blanks/BLK0002007")["state"] == "IN_STORE"
    assert in_store(office) == before + 30
    before += 10

    gudang.get_by_role("link", name="Pengeluaran ke ruang cetak").click()
    type_into(page, "Serial awal", "BLK0001001")
    type_into(page, "Serial akhir", "BLK0001005")
    page.screenshot(path=str(screens / "gudang-pengeluaran.png"))
    page.get_by_role("button", name="Keluarkan blangko").click()
    expect(page.get_by_role("heading", name="Blangko dikeluarkan")).to_be_visible()
    expect(page.locator("#hasil")).to_contain_text("BLK0001001 s.d. BLK0001005")
    assert inventory_get(office, "/blanks/BLK0001003")["state"] == "ISSUED"
    assert in_store(office) == before + 15

    gudang.get_by_role("link", name="Pengembalian").click()
    page.get_by_label("Dikembalikan dari").select_option("print-room")
    page.get_by_label("Dikembalikan ke").select_option("store")
    type_into(page, "Serial awal", "BLK0001005")
    type_into(page, "Alasan", "tidak jadi dicetak")
    page.screenshot(path=str(screens / "gudang-pengembalian.png"))
    page.get_by_role("button", name="Simpan pengembalian").click()
    expect(page.get_by_role("heading", name="Pengembalian tercatat")).to_be_visible()
    assert inventory_get(office, "/blanks/BLK0001005")["state"] == "IN_STORE"

    # The count: every blank in store but one, pasted from the reader, one per line.
    store_serials = [f"BLK{n:07d}" for n in range(1005, 1021) if n != 1011]
    gudang.get_by_role("link", name="Stock opname").click()
    page.get_by_label("Lokasi").select_option("store")
    page.get_by_label("Serial yang dihitung").fill("\n".join(store_serials))
    page.screenshot(path=str(screens / "gudang-opname.png"))
    page.get_by_role("button", name="Kirim hitungan").click()
    expect(page.get_by_role("heading", name="terkirim")).to_be_visible()
    expect(page.locator("#status-hitungan")).to_have_text("Menunggu persetujuan supervisor.")
    expect(page.locator("#missing")).to_contain_text("BLK0001011")
    page.screenshot(path=str(screens / "gudang-selisih.png"), full_page=True)
    count_id = page.get_by_role("heading", name="terkirim").inner_text().split()[2]
    count = inventory_get(office, f"/stock-counts/{count_id}")
    assert count["status"] == "PENDING_APPROVAL"
    assert "BLK0001011" in count["discrepancy"]["missing"]

    gudang.get_by_role("link", name="Stok").click()
    page.screenshot(path=str(screens / "gudang-stok.png"))


def test_a_bad_serial_range_is_shown_beside_its_field_and_nothing_is_written(
        office, page, screens):
    from playwright.sync_api import expect

    sign_in(page, office, "sari")
    before = in_store(office)
    page.goto(office.urls["web"] + "/gudang/penerimaan")
    type_into(page, "Nomor surat pengantar", "470/1202/DUKCAPIL")
    type_into(page, "Tanggal surat", "2026-12-02")
    type_into(page, "Serial awal", "BLK0009050")
    type_into(page, "Serial akhir", "XYZ9000")
    page.get_by_role("button", name="Simpan penerimaan").click()
    message = page.locator("#serial_awal-galat")
    expect(message).to_contain_text("BLK0009050")
    expect(page.locator(".ringkasan-galat a[href='#serial_awal']")).to_be_visible()
    expect(page.get_by_label("Nomor surat pengantar")).to_have_value("470/1202/DUKCAPIL")
    page.screenshot(path=str(screens / "gudang-serial-salah.png"))
    assert in_store(office) == before
    r = httpx.get(office.urls["inventory"] + "/blanks/BLK0009050", timeout=30,
                  headers={"Authorization": f"Bearer {office.admin_token}"})
    assert r.status_code == 404


def spoil(infra, office, serials: list[str]) -> None:
    """What the print room reports for a spoiled blank (printing's event), over Kafka."""
    from ektp_shared.envelope import CloudEvent
    from ektp_shared.events import PrintingBlankSpoiled
    from ektp_shared.testing.kafka import publish

    events = [CloudEvent.wrap(PrintingBlankSpoiled(job_id=f"job-{s}", blank_serial=s,
                                                   reason="PRINT_FAIL"), "printing")
              for s in serials]
    topic = f"{office.topic_prefix}ektp.printing.events"
    # Playwright's sync API holds this thread's loop: publish from a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, publish(infra.kafka, topic, events)).result(60)
    deadline = time.monotonic() + 60
    while any(inventory_get(office, f"/blanks/{s}")["state"] != "SPOILED" for s in serials):
        assert time.monotonic() < deadline, "inventory never applied the spoiled blanks"
        time.sleep(0.5)


def test_the_storekeeper_destroys_spoiled_blanks_and_downloads_the_berita_acara(
        office, page, screens, infra, tmp_path):
    from playwright.sync_api import expect

    sign_in(page, office, "sari")
    page.goto(office.urls["web"] + "/gudang/penerimaan")
    type_into(page, "Nomor surat pengantar", "470/1203/DUKCAPIL")
    type_into(page, "Tanggal surat", "2026-12-01")
    type_into(page, "Serial awal", "BLK0003001")
    type_into(page, "Serial akhir", "BLK0003004")
    page.get_by_role("button", name="Simpan penerimaan").click()
    expect(page.get_by_role("heading", name="Penerimaan tercatat")).to_be_visible()
    page.goto(office.urls["web"] + "/gudang/pengeluaran")
    type_into(page, "Serial awal", "BLK0003001")
    type_into(page, "Serial akhir", "BLK0003004")
    page.get_by_role("button", name="Keluarkan blangko").click()
    expect(page.get_by_role("heading", name="Blangko dikeluarkan")).to_be_visible()
    spoil(infra, office, ["BLK0003001", "BLK0003002"])

    page.get_by_role("navigation", name="Gudang").get_by_role("link", name="Pemusnahan").click()
    type_into(page, "Serial awal", "BLK0003001")
    type_into(page, "Serial akhir", "BLK0003002")
    for n, (nama, nip) in enumerate((("Budi Mamonto", "198001012005011001"),
                                     ("Wulan Paputungan", "198502022010012002")), 1):
        type_into(page, f"Nama saksi {n}", nama)
        type_into(page, f"NIP saksi {n}", nip)
        type_into(page, f"Jabatan saksi {n}", "Staf")
    page.screenshot(path=str(screens / "gudang-pemusnahan.png"))
    page.get_by_role("button", name="Simpan pemusnahan").click()
    expect(page.get_by_role("heading", name="Pemusnahan tercatat")).to_be_visible()
    page.screenshot(path=str(screens / "gudang-dimusnahkan.png"))
    assert inventory_get(office, "/blanks/BLK0003002")["state"] == "DESTROYED"

    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh berita acara pemusnahan (PDF)").click()
    download = info.value
    assert download.suggested_filename.startswith("berita-acara-")
    pdf = tmp_path / download.suggested_filename
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(screens / "berita-acara")], check=True, timeout=60)

    page.get_by_role("navigation", name="Gudang").get_by_role("link", name="Laporan").click()
    page.screenshot(path=str(screens / "gudang-laporan.png"))
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh CSV").click()
    csv_file = tmp_path / "laporan.csv"
    info.value.save_as(csv_file)
    assert csv_file.read_text().startswith("day,")
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh PDF").click()
    report_pdf = tmp_path / "laporan.pdf"
    info.value.save_as(report_pdf)
    assert report_pdf.read_bytes().startswith(b"%PDF")
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh surat permintaan (PDF)").click()
    letter = tmp_path / "surat.pdf"
    info.value.save_as(letter)
    assert letter.read_bytes().startswith(b"%PDF")
