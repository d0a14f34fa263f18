from typing import Literal

RosterRowStatus = Literal["BELUM_REKAM", "MENINGGAL", "PINDAH", "SUDAH_REKAM", "TIDAK_DITEMUKAN"]

ROSTER_ROW_STATUS_VALUES: set[RosterRowStatus] = {
    "BELUM_REKAM",
    "MENINGGAL",
    "PINDAH",
    "SUDAH_REKAM",
    "TIDAK_DITEMUKAN",
}


def check_roster_row_status(value: str) -> RosterRowStatus:
    if value in ROSTER_ROW_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROSTER_ROW_STATUS_VALUES!r}")
