from typing import Literal

ListStockCountsStatusType0 = Literal[
    "APPROVED", "MATCHED", "PENDING_APPROVAL", "RECORDED", "REJECTED"
]

LIST_STOCK_COUNTS_STATUS_TYPE_0_VALUES: set[ListStockCountsStatusType0] = {
    "APPROVED",
    "MATCHED",
    "PENDING_APPROVAL",
    "RECORDED",
    "REJECTED",
}


def check_list_stock_counts_status_type_0(value: str) -> ListStockCountsStatusType0:
    if value in LIST_STOCK_COUNTS_STATUS_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_STOCK_COUNTS_STATUS_TYPE_0_VALUES!r}"
    )
