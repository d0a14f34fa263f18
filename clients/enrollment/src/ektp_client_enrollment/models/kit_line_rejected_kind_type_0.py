from typing import Literal

KitLineRejectedKindType0 = Literal["field_check", "recording"]

KIT_LINE_REJECTED_KIND_TYPE_0_VALUES: set[KitLineRejectedKindType0] = {
    "field_check",
    "recording",
}


def check_kit_line_rejected_kind_type_0(value: str) -> KitLineRejectedKindType0:
    if value in KIT_LINE_REJECTED_KIND_TYPE_0_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {KIT_LINE_REJECTED_KIND_TYPE_0_VALUES!r}"
    )
