from typing import Literal

PopulationUpdateInStatus = Literal["MENINGGAL", "PINDAH"]

POPULATION_UPDATE_IN_STATUS_VALUES: set[PopulationUpdateInStatus] = {
    "MENINGGAL",
    "PINDAH",
}


def check_population_update_in_status(value: str) -> PopulationUpdateInStatus:
    if value in POPULATION_UPDATE_IN_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {POPULATION_UPDATE_IN_STATUS_VALUES!r}"
    )
