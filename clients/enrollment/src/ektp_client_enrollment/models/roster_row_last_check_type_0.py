from typing import Literal

RosterRowLastCheckType0 = Literal["DITEMUKAN", "MENINGGAL", "PINDAH", "TIDAK_DITEMUKAN"]

ROSTER_ROW_LAST_CHECK_TYPE_0_VALUES: set[RosterRowLastCheckType0] = {
    "DITEMUKAN",
    "MENINGGAL",
    "PINDAH",
    "TIDAK_DITEMUKAN",
}


def check_roster_row_last_check_type_0(value: str) -> RosterRowLastCheckType0:
    if value in ROSTER_ROW_LAST_CHECK_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ROSTER_ROW_LAST_CHECK_TYPE_0_VALUES!r}"
    )
