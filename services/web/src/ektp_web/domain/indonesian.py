"""The refusals of printing and inventory in the office's words.

Why a mapping here and not Indonesian texts at the source: the services' problem documents
are their API's contract, read by scripts, the `ektp` command, other services' logs and
their own tests in one language (English, as the rest of the API: field names, statuses);
the web app is where the office's language is decided (its labels, its forms), so it says
each refusal again in Indonesian, by the problem's stable ``type`` (and ``title``), taking
the figures out of the detail. A refusal this table does not know yet gets a plain
Indonesian sentence by status, never the English text (that stays in the logs).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = tuple[str, str, Callable[[re.Match[str]], str]]

STATES = {"ONLINE": "siap", "OFFLINE": "mati", "IN_REPAIR": "diperbaiki", "BROKEN": "rusak",
          "NEEDS_CHECK": "perlu diperiksa", "PRINTED": "tercetak", "QUEUED": "dalam antrean",
          "PRINTING": "sedang dicetak", "ISSUED": "sudah diserahkan",
          "PENDING_APPROVAL": "menunggu persetujuan", "APPROVED": "disetujui",
          "REJECTED": "ditolak", "ACCEPTED": "diterima"}


def _state(name: str) -> str:
    return STATES.get(name.strip(), name.strip())


def _states(names: str) -> str:
    return ", ".join(_state(n) for n in names.split(","))


# (problem type or title, pattern on the detail, the Indonesian sentence). First match wins.
RULES: tuple[Rule, ...] = (
    ("printer-exists", r"named '(.+)'",
     lambda m: f"Sudah ada printer bernama {m[1]}."),
    ("printer-not-found", r"", lambda m: "Printer ini tidak ditemukan."),
    ("printer-status", r"Printer (.+) is already (\w+)",
     lambda m: f"Printer {m[1]} sudah berstatus {_state(m[2])}."),
    ("printer-status", r"Printer (.+) is (\w+); it can only become (.+)\.",
     lambda m: f"Printer {m[1]} sedang {_state(m[2])}; statusnya hanya dapat diubah menjadi "
               f"{_states(m[3])}."),
    ("job-not-found", r"", lambda m: "Pekerjaan cetak ini tidak ditemukan."),
    ("job-state", r"is (\w+), not NEEDS_CHECK",
     lambda m: f"Kartu ini sudah {_state(m[1])}: tidak ada yang perlu diperiksa lagi."),
    ("card-not-ready", r"NIK (\d+)",
     lambda m: f"Belum ada e-KTP tercetak untuk NIK {m[1]} di ruang cetak."),
    ("card-already-issued", r"NIK (\d+) \(blangko (\S+)\) was handed to (.+) on ([\d-]+)",
     lambda m: f"e-KTP NIK {m[1]} (blangko {m[2]}) sudah diserahkan kepada {m[3]} pada "
               f"{m[4]}."),
    ("Print server unreachable", r"",
     lambda m: "Server cetak tidak menjawab, jadi kartu ini belum dapat dibatalkan. Coba "
               "lagi sebentar lagi."),
    ("Suket not found", r"", lambda m: "Surat keterangan ini tidak ditemukan."),
    ("suket-refused", r"NIK (\d+) already has a printed e-KTP",
     lambda m: f"NIK {m[1]} sudah punya e-KTP tercetak; serahkan kartunya, bukan surat "
               "keterangan."),
    ("suket-refused", r"NIK (\d+) is not PRINT_READY_RECORD or SENT_FOR_ENROLLMENT",
     lambda m: f"Surat keterangan hanya untuk penduduk yang rekamannya sudah dikirim ke pusat "
               f"atau siap cetak; NIK {m[1]} belum."),
    ("suket-refused", r"", lambda m: "Surat keterangan tidak dapat diterbitkan untuk "
                                     "penduduk ini sekarang."),
    ("nama: the print room has no card data", r"",
     lambda m: "Ruang cetak belum punya data kartu penduduk ini: ketik namanya seperti di "
               "Kartu Keluarga."),
    ("reference-exists", r"reference '(.+)'",
     lambda m: f"Nomor {m[1]} sudah pernah dicatat; pakai nomor yang baru."),
    ("serials-known", r"(\d+) serial\(s\).*e\.g\. (\S+)",
     lambda m: f"{m[1]} nomor seri kiriman ini sudah tercatat (misalnya {m[2]}); tidak ada "
               "yang dicatat. Periksa lagi surat pengantarnya."),
    ("serials-known", r"", lambda m: "Sebagian nomor seri baru saja dicatat oleh permintaan "
                                     "lain; tidak ada yang dicatat. Muat ulang lalu coba lagi."),
    ("serials-wrong-state", r"(\d+) serial\(s\) cannot be .*First: (\S+):",
     lambda m: f"{m[1]} nomor seri tidak dapat diproses dalam keadaannya sekarang (pertama: "
               f"{m[2]}); tidak ada yang diubah. Perbaiki daftarnya lalu coba lagi."),
    ("issue-too-large", r"(\d+) blanks asked; at most (\d+)",
     lambda m: f"{m[1]} blangko diminta; paling banyak {m[2]} sekali keluar. Keluarkan "
               "sisanya nanti."),
    ("not-enough-in-store", r"(\d+) asked, only (\d+) in store",
     lambda m: f"{m[1]} blangko diminta, di gudang hanya ada {m[2]}."),
    ("count-not-pending", r"", lambda m: "Hitungan ini tidak sedang menunggu persetujuan."),
    ("count-stale", r"", lambda m: "Blangko sudah berpindah sejak hitungan ini; hitung lagi."),
    ("Quantity does not match the serials", r"states (\d+) blanks but (\d+) serials",
     lambda m: f"Surat menyebut {m[1]} blangko, tetapi ada {m[2]} nomor seri. Hitung lagi "
               "kotaknya."),
    ("Two witnesses needed", r"", lambda m: "Berita acara pemusnahan perlu paling sedikit dua "
                                            "saksi yang berbeda."),
    ("Unknown return route", r"", lambda m: "Blangko hanya kembali dari ruang cetak ke gudang, "
                                            "atau dari gudang ke kementerian."),
    ("File too large", r"", lambda m: "Berkas UID lebih dari 8 MB; bagi kirimannya."),
    ("", r"is not UTF-8 text", lambda m: "Berkas UID bukan berkas teks."),
    ("", r"line (\d+): '(.*)' is not a blank serial",
     lambda m: f"Baris {m[1]}: {m[2]} bukan nomor seri blangko."),
    ("", r"serial '(.*)' is not a blank serial",
     lambda m: f"{m[1]} bukan nomor seri blangko: 3 sampai 40 huruf, angka atau '-', dengan "
               "paling sedikit satu angka."),
    ("", r"range (\S+)\.\.(\S+): both ends must end in digits",
     lambda m: f"Rentang {m[1]} sampai {m[2]}: kedua ujungnya harus berakhir dengan angka."),
    ("", r"range (\S+)\.\.(\S+): both ends need the same prefix",
     lambda m: f"Rentang {m[1]} sampai {m[2]}: kedua ujungnya harus berawalan dan berjumlah "
               "angka sama."),
    ("", r"range (\S+)\.\.(\S+): the last serial is before the first",
     lambda m: f"Rentang {m[1]} sampai {m[2]}: serial akhir lebih kecil dari serial awal."),
    ("", r"range (\S+)\.\.(\S+) has (\d+) serials; at most (\d+)",
     lambda m: f"Rentang {m[1]} sampai {m[2]} berisi {m[3]} nomor; paling banyak {m[4]} "
               "sekali kirim."),
    ("", r"(\d+)\+ serials in one request; at most (\d+)",
     lambda m: f"Terlalu banyak nomor seri sekali kirim; paling banyak {m[2]}."),
    ("", r"no serials given", lambda m: "Belum ada nomor seri: tulis daftarnya atau rentangnya."),
    ("", r"serials listed twice: (.+)", lambda m: f"Nomor seri tertulis dua kali: {m[1]}."),
    ("", r"'to' is before 'from'", lambda m: "Tanggal akhir sebelum tanggal awal."),
    ("", r"at most (\d+) days per report", lambda m: f"Paling lama {m[1]} hari per laporan."),
    ("", r"dates from 2000 to 2100", lambda m: "Laporan hanya untuk tahun 2000 sampai 2100."),
    ("", r"is not a NIK", lambda m: "NIK harus 16 angka."),
    ("", r"blank (\S+) is not in the ledger", lambda m: f"Blangko {m[1]} tidak pernah diterima "
                                                         "di sini."),
)
# The request checks every service shares (pydantic's words, in its "errors" list).
FIELD_RULES: tuple[tuple[str, Callable[[re.Match[str]], str]], ...] = (
    (r"Field required|required", lambda m: "Wajib diisi."),
    (r"at least (\d+) characters?", lambda m: f"Paling sedikit {m[1]} karakter."),
    (r"at most (\d+) characters?", lambda m: f"Paling banyak {m[1]} karakter."),
    (r"greater than or equal to (\d+)", lambda m: f"Paling sedikit {m[1]}."),
    (r"greater than (\d+)", lambda m: f"Harus lebih dari {m[1]}."),
    (r"less than or equal to (\d+)", lambda m: f"Paling banyak {m[1]}."),
    (r"valid integer", lambda m: "Harus berupa bilangan bulat."),
    (r"valid date", lambda m: "Tanggal tidak valid."),
    (r"at least (\d+) items?", lambda m: f"Paling sedikit {m[1]} isian."),
    (r"Input should be (.+)", lambda m: "Pilihan ini tidak dikenal."),
)
BY_STATUS = {404: "Yang dicari tidak ditemukan.",
             409: "Permintaan ini bertentangan dengan data yang ada; muat ulang lalu coba lagi.",
             413: "Berkas terlalu besar.",
             422: "Isian ini tidak dapat diterima; periksa lagi."}


def refusal(status: int, kind: str, title: str, detail: str) -> str:
    """The Indonesian sentence for a refusal (problem type, title and detail)."""
    for key, pattern, say in RULES:
        if key and key not in (kind, title) and not detail.startswith(key):
            continue
        if m := re.search(pattern, detail):
            return say(m)
    # The services' own checks of a field (e.g. ValueError texts) that are Indonesian already.
    if detail and not _looks_english(detail):
        return detail
    return BY_STATUS.get(status, "Layanan menolak permintaan ini; periksa lagi isiannya.")


def field_message(message: str) -> str:
    for pattern, say in FIELD_RULES:
        if m := re.search(pattern, message):
            return say(m)
    if not _looks_english(message):
        return message
    return "Isian ini tidak dapat diterima; periksa lagi."


_ENGLISH = re.compile(r"\b(the|is|are|not|must|should|only|cannot|no|of|and|or|a|an|"
                      r"given|either)\b", re.IGNORECASE)


def _looks_english(text: str) -> bool:
    return bool(_ENGLISH.search(text))
