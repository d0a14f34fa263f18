from typing import Literal

GetReconciliationFormat = Literal["csv", "json", "pdf"]

GET_RECONCILIATION_FORMAT_VALUES: set[GetReconciliationFormat] = {
    "csv",
    "json",
    "pdf",
}


def check_get_reconciliation_format(value: str) -> GetReconciliationFormat:
    if value in GET_RECONCILIATION_FORMAT_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {GET_RECONCILIATION_FORMAT_VALUES!r}"
    )
