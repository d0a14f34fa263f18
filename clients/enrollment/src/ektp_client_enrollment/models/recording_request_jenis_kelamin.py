from typing import Literal

RecordingRequestJenisKelamin = Literal["LAKI-LAKI", "PEREMPUAN"]

RECORDING_REQUEST_JENIS_KELAMIN_VALUES: set[RecordingRequestJenisKelamin] = {
    "LAKI-LAKI",
    "PEREMPUAN",
}


def check_recording_request_jenis_kelamin(value: str) -> RecordingRequestJenisKelamin:
    if value in RECORDING_REQUEST_JENIS_KELAMIN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {RECORDING_REQUEST_JENIS_KELAMIN_VALUES!r}"
    )
