from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="KitLineRejected")


@_attrs_define
class KitLineRejected:
    """
    Attributes:
        errors (list[FieldError]):
        line (int):
        record_id (None | str):
        existing_enrollment_id (None | str | Unset): the NIK's earlier recording
    """

    errors: list[FieldError]
    line: int
    record_id: None | str
    existing_enrollment_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        line = self.line

        record_id: None | str
        record_id = self.record_id

        existing_enrollment_id: None | str | Unset
        if isinstance(self.existing_enrollment_id, Unset):
            existing_enrollment_id = UNSET
        else:
            existing_enrollment_id = self.existing_enrollment_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "errors": errors,
                "line": line,
                "record_id": record_id,
            }
        )
        if existing_enrollment_id is not UNSET:
            field_dict["existing_enrollment_id"] = existing_enrollment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415

        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = FieldError.from_dict(errors_item_data)

            errors.append(errors_item)

        line = d.pop("line")

        def _parse_record_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_id = _parse_record_id(d.pop("record_id"))

        def _parse_existing_enrollment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_enrollment_id = _parse_existing_enrollment_id(
            d.pop("existing_enrollment_id", UNSET)
        )

        kit_line_rejected = cls(
            errors=errors,
            line=line,
            record_id=record_id,
            existing_enrollment_id=existing_enrollment_id,
        )

        return kit_line_rejected
