from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_result_status import ItemResultStatus, check_item_result_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="ItemResult")


@_attrs_define
class ItemResult:
    """
    Attributes:
        enrollment_id (str):
        status (ItemResultStatus):
        reason (None | str | Unset):
        retryable (bool | Unset):  Default: False.
    """

    enrollment_id: str
    status: ItemResultStatus
    reason: None | str | Unset = UNSET
    retryable: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enrollment_id = self.enrollment_id

        status: str = self.status

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        retryable = self.retryable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enrollment_id": enrollment_id,
                "status": status,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if retryable is not UNSET:
            field_dict["retryable"] = retryable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enrollment_id = d.pop("enrollment_id")

        status = check_item_result_status(d.pop("status"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        retryable = d.pop("retryable", UNSET)

        item_result = cls(
            enrollment_id=enrollment_id,
            status=status,
            reason=reason,
            retryable=retryable,
        )

        item_result.additional_properties = d
        return item_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
