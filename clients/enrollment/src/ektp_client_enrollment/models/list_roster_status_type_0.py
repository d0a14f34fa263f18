from typing import Literal

ListRosterStatusType0 = Literal[
    "BELUM_REKAM", "MENINGGAL", "PINDAH", "SUDAH_REKAM", "TIDAK_DITEMUKAN"
]

LIST_ROSTER_STATUS_TYPE_0_VALUES: set[ListRosterStatusType0] = {
    "BELUM_REKAM",
    "MENINGGAL",
    "PINDAH",
    "SUDAH_REKAM",
    "TIDAK_DITEMUKAN",
}


def check_list_roster_status_type_0(value: str) -> ListRosterStatusType0:
    if value in LIST_ROSTER_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_ROSTER_STATUS_TYPE_0_VALUES!r}"
    )
