from typing import Literal

RecordingRequestKewarganegaraan = Literal["WNA", "WNI"]

RECORDING_REQUEST_KEWARGANEGARAAN_VALUES: set[RecordingRequestKewarganegaraan] = {
    "WNA",
    "WNI",
}


def check_recording_request_kewarganegaraan(value: str) -> RecordingRequestKewarganegaraan:
    if value in RECORDING_REQUEST_KEWARGANEGARAAN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECORDING_REQUEST_KEWARGANEGARAAN_VALUES!r}"
    )
