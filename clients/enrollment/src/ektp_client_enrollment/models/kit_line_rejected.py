from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.kit_line_rejected_kind_type_0 import (
    KitLineRejectedKindType0,
    check_kit_line_rejected_kind_type_0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conflict_ref import ConflictRef
    from ..models.field_error import FieldError


T = TypeVar("T", bound="KitLineRejected")


@_attrs_define
class KitLineRejected:
    """
    Attributes:
        errors (list[FieldError]):
        line (int):
        record_id (None | str):
        conflict (ConflictRef | None | Unset):
        existing_enrollment_id (None | str | Unset): the NIK's earlier recording
        kind (KitLineRejectedKindType0 | None | Unset):
    """

    errors: list[FieldError]
    line: int
    record_id: None | str
    conflict: ConflictRef | None | Unset = UNSET
    existing_enrollment_id: None | str | Unset = UNSET
    kind: KitLineRejectedKindType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        line = self.line

        record_id: None | str
        record_id = self.record_id

        conflict: dict[str, Any] | None | Unset
        if isinstance(self.conflict, Unset):
            conflict = UNSET
        elif isinstance(self.conflict, ConflictRef):
            conflict = self.conflict.to_dict()
        else:
            conflict = self.conflict

        existing_enrollment_id: None | str | Unset
        if isinstance(self.existing_enrollment_id, Unset):
            existing_enrollment_id = UNSET
        else:
            existing_enrollment_id = self.existing_enrollment_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "errors": errors,
                "line": line,
                "record_id": record_id,
            }
        )
        if conflict is not UNSET:
            field_dict["conflict"] = conflict
        if existing_enrollment_id is not UNSET:
            field_dict["existing_enrollment_id"] = existing_enrollment_id
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415
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

        def _parse_conflict(data: object) -> ConflictRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conflict_type_0 = ConflictRef.from_dict(data)

                return conflict_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConflictRef | None | Unset, data)

        conflict = _parse_conflict(d.pop("conflict", UNSET))

        def _parse_existing_enrollment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_enrollment_id = _parse_existing_enrollment_id(
            d.pop("existing_enrollment_id", UNSET)
        )

        def _parse_kind(data: object) -> KitLineRejectedKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_kit_line_rejected_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KitLineRejectedKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        kit_line_rejected = cls(
            errors=errors,
            line=line,
            record_id=record_id,
            conflict=conflict,
            existing_enrollment_id=existing_enrollment_id,
            kind=kind,
        )

        return kit_line_rejected
