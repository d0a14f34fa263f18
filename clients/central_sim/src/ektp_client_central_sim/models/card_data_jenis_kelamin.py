from typing import Literal

CardDataJenisKelamin = Literal["LAKI-LAKI", "PEREMPUAN"]

CARD_DATA_JENIS_KELAMIN_VALUES: set[CardDataJenisKelamin] = {
    "LAKI-LAKI",
    "PEREMPUAN",
}


def check_card_data_jenis_kelamin(value: str) -> CardDataJenisKelamin:
    if value in CARD_DATA_JENIS_KELAMIN_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CARD_DATA_JENIS_KELAMIN_VALUES!r}"
    )
