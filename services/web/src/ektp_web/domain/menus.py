"""Which screens each role sees (DESIGN.md section 6: supervisor and admin pass every role)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Screen:
    path: str
    title: str
    role: str  # the role the screen is for
    description: str


EVERY_ROLE = "*"  # a screen every signed-in role may open (the figures name nobody)
SCREENS: tuple[Screen, ...] = (
    Screen("/perekaman", "Perekaman", "operator", "Rekam data dan biometrik penduduk."),
    Screen("/ruang-cetak", "Ruang cetak", "printer", "Antrean cetak dan serah terima kartu."),
    Screen("/gudang", "Gudang blangko", "storekeeper", "Penerimaan dan pengeluaran blangko."),
    Screen("/dasbor", "Dasbor", EVERY_ROLE, "Progres perekaman, cetak dan serah KTP."),
    Screen("/supervisor", "Supervisor", "supervisor",
           "Antrean gagal kirim, persetujuan, akun petugas, jejak audit."),
)
ALWAYS_ALLOWED = ("supervisor", "admin")
ROLE_NAMES = {
    "operator": "Operator perekaman", "printer": "Petugas cetak",
    "storekeeper": "Petugas gudang", "supervisor": "Supervisor", "admin": "Admin",
    "viewer": "Pemantau",
}


def may_open(role: str, screen_role: str) -> bool:
    return screen_role in (role, EVERY_ROLE) or role in ALWAYS_ALLOWED


def menu_for(role: str) -> list[Screen]:
    return [s for s in SCREENS if may_open(role, s.role)]
