from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KitLine")


@_attrs_define
class KitLine:
    """
    Attributes:
        line (int):
        record_id (None | str):
        enrollment_id (None | str | Unset):
        warnings (list[str] | None | Unset):
    """

    line: int
    record_id: None | str
    enrollment_id: None | str | Unset = UNSET
    warnings: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        record_id: None | str
        record_id = self.record_id

        enrollment_id: None | str | Unset
        if isinstance(self.enrollment_id, Unset):
            enrollment_id = UNSET
        else:
            enrollment_id = self.enrollment_id

        warnings: list[str] | None | Unset
        if isinstance(self.warnings, Unset):
            warnings = UNSET
        elif isinstance(self.warnings, list):
            warnings = self.warnings

        else:
            warnings = self.warnings

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line": line,
                "record_id": record_id,
            }
        )
        if enrollment_id is not UNSET:
            field_dict["enrollment_id"] = enrollment_id
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        def _parse_record_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_id = _parse_record_id(d.pop("record_id"))

        def _parse_enrollment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enrollment_id = _parse_enrollment_id(d.pop("enrollment_id", UNSET))

        def _parse_warnings(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                warnings_type_0 = cast(list[str], data)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        kit_line = cls(
            line=line,
            record_id=record_id,
            enrollment_id=enrollment_id,
            warnings=warnings,
        )

        return kit_line
