from typing import Literal

RecordedStatus = Literal["MENUNGGU_VERIFIKASI", "SUDAH_REKAM"]

RECORDED_STATUS_VALUES: set[RecordedStatus] = {
    "MENUNGGU_VERIFIKASI",
    "SUDAH_REKAM",
}


def check_recorded_status(value: str) -> RecordedStatus:
    if value in RECORDED_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECORDED_STATUS_VALUES!r}")
