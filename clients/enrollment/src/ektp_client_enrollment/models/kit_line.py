from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.kit_line_kind_type_0 import KitLineKindType0, check_kit_line_kind_type_0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conflict_ref import ConflictRef


T = TypeVar("T", bound="KitLine")


@_attrs_define
class KitLine:
    """
    Attributes:
        line (int):
        record_id (None | str):
        conflict (ConflictRef | None | Unset): held for the supervisor's decision
        enrollment_id (None | str | Unset):
        field_check_id (None | str | Unset):
        kind (KitLineKindType0 | None | Unset):
        warnings (list[str] | None | Unset):
    """

    line: int
    record_id: None | str
    conflict: ConflictRef | None | Unset = UNSET
    enrollment_id: None | str | Unset = UNSET
    field_check_id: None | str | Unset = UNSET
    kind: KitLineKindType0 | None | Unset = UNSET
    warnings: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415

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

        enrollment_id: None | str | Unset
        if isinstance(self.enrollment_id, Unset):
            enrollment_id = UNSET
        else:
            enrollment_id = self.enrollment_id

        field_check_id: None | str | Unset
        if isinstance(self.field_check_id, Unset):
            field_check_id = UNSET
        else:
            field_check_id = self.field_check_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

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
        if conflict is not UNSET:
            field_dict["conflict"] = conflict
        if enrollment_id is not UNSET:
            field_dict["enrollment_id"] = enrollment_id
        if field_check_id is not UNSET:
            field_dict["field_check_id"] = field_check_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415

        d = dict(src_dict)
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

        def _parse_enrollment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        enrollment_id = _parse_enrollment_id(d.pop("enrollment_id", UNSET))

        def _parse_field_check_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_check_id = _parse_field_check_id(d.pop("field_check_id", UNSET))

        def _parse_kind(data: object) -> KitLineKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_kit_line_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KitLineKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

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
            conflict=conflict,
            enrollment_id=enrollment_id,
            field_check_id=field_check_id,
            kind=kind,
            warnings=warnings,
        )

        return kit_line
