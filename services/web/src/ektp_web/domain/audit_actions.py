"""The audit trail's actions in the office's words, for the supervisor's audit search.

The services write stable codes (``enrollment.create``): scripts and other services read
them, so they stay as they are; the web app says each again in Indonesian here, and the
page keeps the code beside it in small print for whoever has to match it with a log. A code
this table does not know yet (a new service action) is shown as it is, never hidden.
The list follows every ``audit.record(`` call in the services and in shared.
"""

from __future__ import annotations

# Codes with a state at the end (``submission.print_ready_record``) are built from the
# service's own state names; each is listed whole, so the table stays a plain lookup.
ACTIONS: dict[str, str] = {
    # accounts
    "accounts.sign_in": "Masuk",
    "accounts.sign_in_failed": "Gagal masuk",
    "accounts.sign_out": "Keluar",
    "accounts.switch_role": "Berganti peran",
    "accounts.locked": "Akun terkunci",
    "accounts.refresh_refused": "Perpanjangan sesi ditolak",
    "accounts.refresh_reused": "Sesi lama dipakai lagi (dicurigai disalin)",
    "accounts.password_change": "Mengganti kata sandi",
    "accounts.password_change_failed": "Gagal mengganti kata sandi",
    "accounts.create": "Membuat akun petugas",
    "accounts.change": "Mengubah akun petugas",
    "accounts.unlock": "Membuka kunci akun",
    "accounts.password_reset": "Mereset kata sandi",
    "accounts.restore_admin": "Memulihkan akun admin",
    # enrollment
    "enrollment.check": "Memeriksa data sebelum merekam",
    "enrollment.create": "Merekam penduduk",
    "enrollment.review": "Memverifikasi rekaman",
    "enrollment.view": "Melihat rekaman",
    "enrollment.lookup_nik": "Mencari rekaman menurut NIK",
    "enrollment.verdict.SENT_FOR_ENROLLMENT": "Rekaman dikirim ke pusat",
    "enrollment.verdict.PRINT_READY_RECORD": "Pusat: siap cetak",
    "enrollment.verdict.DUPLICATE_RECORD": "Pusat: rekaman ganda",
    "enrollment.verdict.ENROLL_FAILURE": "Pusat: rekaman gagal",
    "kit.register": "Mendaftarkan alat rekam",
    "kit.import": "Mengimpor data alat rekam",
    "kit.sync": "Menerima kiriman tablet desa",
    "roster.import": "Mengimpor data penduduk",
    "roster.search": "Mencari penduduk",
    "field_check.create": "Mencatat pemeriksaan lapangan",
    "field_check.conflicts.list": "Melihat daftar konflik pemeriksaan lapangan",
    "field_check.conflict.decide": "Memutuskan konflik pemeriksaan lapangan",
    "visit.schedule": "Menjadwalkan kunjungan desa",
    # sync
    "submission.queued": "Rekaman masuk antrean kirim",
    "submission.sent": "Rekaman dikirim ke pusat",
    "submission.failed": "Pengiriman gagal",
    "submission.print_ready_record": "Pusat: siap cetak",
    "submission.duplicate_record": "Pusat: rekaman ganda",
    "submission.retry": "Mengirim ulang rekaman",
    "submission.cancel": "Menutup pengiriman",
    "submission.view": "Melihat status kiriman",
    "submissions.list": "Melihat daftar kiriman",
    "population_report.queued": "Laporan pindah/meninggal masuk antrean kirim",
    "roster.pull_requested": "Meminta data penduduk dari pusat",
    # printing
    "print_job.create": "Kartu masuk antrean cetak",
    "print_job.lookup": "Mencari pekerjaan cetak",
    "print_job.preview": "Melihat pratinjau kartu",
    "print_job.printed": "Kartu tercetak",
    "print_job.spoiled": "Kartu rusak dicatat",
    "print_job.needs_check": "Kartu perlu diperiksa",
    "printer.register": "Mendaftarkan printer",
    "printer.status": "Mengubah status printer",
    "blanks.arrived": "Blangko tiba di ruang cetak",
    "blanks.returned": "Blangko dikembalikan ke gudang",
    "card.lookup": "Mencari e-KTP untuk diserahkan",
    "card.handover": "Menyerahkan e-KTP",
    "cards.ready.list": "Melihat daftar e-KTP siap diambil",
    "suket.lookup": "Mencari surat keterangan",
    "suket.issue": "Menerbitkan surat keterangan",
    "suket.verify": "Memeriksa keaslian surat keterangan",
    "suket.verify_public": "Keaslian surat keterangan diperiksa dari luar",
    "suket.pdf": "Mencetak surat keterangan",
    # inventory
    "inventory.receive": "Menerima blangko",
    "inventory.issue": "Mengeluarkan blangko",
    "inventory.return": "Menerima blangko kembali",
    "inventory.destroy": "Memusnahkan blangko",
    "inventory.stock_count": "Mencatat stock opname",
    "inventory.stock_count.approved": "Menyetujui stock opname",
    "inventory.stock_count.rejected": "Menolak stock opname",
    "inventory.auto_issue": "Blangko dikeluarkan otomatis ke ruang cetak",
    "inventory.auto_issue.none": "Blangko habis: tidak ada yang dikeluarkan",
    "inventory.stock_low": "Stok blangko menipis",
    "inventory.blank.view": "Melihat riwayat blangko",
    "inventory.exception.resolve": "Menyelesaikan selisih blangko",
    # dashboard
    "resident.lookup": "Mencari penduduk menurut NIK",
    "resident.stuck_list": "Melihat daftar rekaman tertahan",
    # shared by every service
    "audit.search": "Mencari jejak audit",
    "outbox.release": "Melepas pesan yang tertahan",
    "outbox.drop": "Membuang pesan yang tertahan",
    "dlq.replay": "Memutar ulang pesan gagal",
}


def action_name(code: str) -> str:
    """The action in plain Indonesian; an unknown code as it is."""
    return ACTIONS.get(code, code)
