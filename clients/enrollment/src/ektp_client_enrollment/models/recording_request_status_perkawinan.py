from typing import Literal

RecordingRequestStatusPerkawinan = Literal["BELUM KAWIN", "CERAI HIDUP", "CERAI MATI", "KAWIN"]

RECORDING_REQUEST_STATUS_PERKAWINAN_VALUES: set[RecordingRequestStatusPerkawinan] = {
    "BELUM KAWIN",
    "CERAI HIDUP",
    "CERAI MATI",
    "KAWIN",
}


def check_recording_request_status_perkawinan(value: str) -> RecordingRequestStatusPerkawinan:
    if value in RECORDING_REQUEST_STATUS_PERKAWINAN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECORDING_REQUEST_STATUS_PERKAWINAN_VALUES!r}"
    )
