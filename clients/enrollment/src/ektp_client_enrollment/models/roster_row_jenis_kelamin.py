from typing import Literal

RosterRowJenisKelamin = Literal["LAKI-LAKI", "PEREMPUAN"]

ROSTER_ROW_JENIS_KELAMIN_VALUES: set[RosterRowJenisKelamin] = {
    "LAKI-LAKI",
    "PEREMPUAN",
}


def check_roster_row_jenis_kelamin(value: str) -> RosterRowJenisKelamin:
    if value in ROSTER_ROW_JENIS_KELAMIN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {ROSTER_ROW_JENIS_KELAMIN_VALUES!r}"
    )
