from typing import Literal

FieldCheckedRosterStatus = Literal[
    "BELUM_REKAM", "MENINGGAL", "PINDAH", "SUDAH_REKAM", "TIDAK_DITEMUKAN"
]

FIELD_CHECKED_ROSTER_STATUS_VALUES: set[FieldCheckedRosterStatus] = {
    "BELUM_REKAM",
    "MENINGGAL",
    "PINDAH",
    "SUDAH_REKAM",
    "TIDAK_DITEMUKAN",
}


def check_field_checked_roster_status(value: str) -> FieldCheckedRosterStatus:
    if value in FIELD_CHECKED_ROSTER_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {FIELD_CHECKED_ROSTER_STATUS_VALUES!r}"
    )
