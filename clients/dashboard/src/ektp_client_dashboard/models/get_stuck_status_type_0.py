from typing import Literal

GetStuckStatusType0 = Literal[
    "BELUM_REKAM",
    "CARD_ISSUED",
    "CARD_PRINTED",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENINGGAL",
    "PINDAH",
    "PRINT_READY_RECORD",
    "SENT_FOR_CARD_PRINTING",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
    "TIDAK_DITEMUKAN",
]

GET_STUCK_STATUS_TYPE_0_VALUES: set[GetStuckStatusType0] = {
    "BELUM_REKAM",
    "CARD_ISSUED",
    "CARD_PRINTED",
    "DUPLICATE_RECORD",
    "ENROLL_FAILURE",
    "MENINGGAL",
    "PINDAH",
    "PRINT_READY_RECORD",
    "SENT_FOR_CARD_PRINTING",
    "SENT_FOR_ENROLLMENT",
    "SUDAH_REKAM",
    "TIDAK_DITEMUKAN",
}


def check_get_stuck_status_type_0(value: str) -> GetStuckStatusType0:
    if value in GET_STUCK_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_STUCK_STATUS_TYPE_0_VALUES!r}"
    )
