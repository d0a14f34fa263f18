from typing import Literal

TimelineStatus = Literal[
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

TIMELINE_STATUS_VALUES: set[TimelineStatus] = {
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


def check_timeline_status(value: str) -> TimelineStatus:
    if value in TIMELINE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIMELINE_STATUS_VALUES!r}")
