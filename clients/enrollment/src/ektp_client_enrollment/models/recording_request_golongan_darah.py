from typing import Literal

RecordingRequestGolonganDarah = Literal[
    "-", "A", "A+", "A-", "AB", "AB+", "AB-", "B", "B+", "B-", "O", "O+", "O-"
]

RECORDING_REQUEST_GOLONGAN_DARAH_VALUES: set[RecordingRequestGolonganDarah] = {
    "-",
    "A",
    "A+",
    "A-",
    "AB",
    "AB+",
    "AB-",
    "B",
    "B+",
    "B-",
    "O",
    "O+",
    "O-",
}


def check_recording_request_golongan_darah(value: str) -> RecordingRequestGolonganDarah:
    if value in RECORDING_REQUEST_GOLONGAN_DARAH_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECORDING_REQUEST_GOLONGAN_DARAH_VALUES!r}"
    )
