from typing import Literal

DemographicsJenisKelamin = Literal["LAKI-LAKI", "PEREMPUAN"]

DEMOGRAPHICS_JENIS_KELAMIN_VALUES: set[DemographicsJenisKelamin] = {
    "LAKI-LAKI",
    "PEREMPUAN",
}


def check_demographics_jenis_kelamin(value: str) -> DemographicsJenisKelamin:
    if value in DEMOGRAPHICS_JENIS_KELAMIN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DEMOGRAPHICS_JENIS_KELAMIN_VALUES!r}"
    )
