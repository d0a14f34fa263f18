from typing import Literal

SessionOutRole = Literal["admin", "operator", "printer", "storekeeper", "supervisor", "viewer"]

SESSION_OUT_ROLE_VALUES: set[SessionOutRole] = {
    "admin",
    "operator",
    "printer",
    "storekeeper",
    "supervisor",
    "viewer",
}


def check_session_out_role(value: str) -> SessionOutRole:
    if value in SESSION_OUT_ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SESSION_OUT_ROLE_VALUES!r}")
