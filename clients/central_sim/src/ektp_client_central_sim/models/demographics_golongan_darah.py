from typing import Literal

DemographicsGolonganDarah = Literal[
    "-", "A", "A+", "A-", "AB", "AB+", "AB-", "B", "B+", "B-", "O", "O+", "O-"
]

DEMOGRAPHICS_GOLONGAN_DARAH_VALUES: set[DemographicsGolonganDarah] = {
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


def check_demographics_golongan_darah(value: str) -> DemographicsGolonganDarah:
    if value in DEMOGRAPHICS_GOLONGAN_DARAH_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DEMOGRAPHICS_GOLONGAN_DARAH_VALUES!r}"
    )
