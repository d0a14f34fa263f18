from typing import Literal

StuckResidentStatus = Literal[
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

STUCK_RESIDENT_STATUS_VALUES: set[StuckResidentStatus] = {
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


def check_stuck_resident_status(value: str) -> StuckResidentStatus:
    if value in STUCK_RESIDENT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {STUCK_RESIDENT_STATUS_VALUES!r}")
