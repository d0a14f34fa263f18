from typing import Literal

RecordingRequestAgama = Literal[
    "BUDDHA", "HINDU", "ISLAM", "KATOLIK", "KEPERCAYAAN TERHADAP TUHAN YME", "KHONGHUCU", "KRISTEN"
]

RECORDING_REQUEST_AGAMA_VALUES: set[RecordingRequestAgama] = {
    "BUDDHA",
    "HINDU",
    "ISLAM",
    "KATOLIK",
    "KEPERCAYAAN TERHADAP TUHAN YME",
    "KHONGHUCU",
    "KRISTEN",
}


def check_recording_request_agama(value: str) -> RecordingRequestAgama:
    if value in RECORDING_REQUEST_AGAMA_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECORDING_REQUEST_AGAMA_VALUES!r}"
    )
