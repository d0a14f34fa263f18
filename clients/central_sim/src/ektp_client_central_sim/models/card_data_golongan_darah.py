from typing import Literal

CardDataGolonganDarah = Literal[
    "-", "A", "A+", "A-", "AB", "AB+", "AB-", "B", "B+", "B-", "O", "O+", "O-"
]

CARD_DATA_GOLONGAN_DARAH_VALUES: set[CardDataGolonganDarah] = {
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


def check_card_data_golongan_darah(value: str) -> CardDataGolonganDarah:
    if value in CARD_DATA_GOLONGAN_DARAH_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CARD_DATA_GOLONGAN_DARAH_VALUES!r}"
    )
