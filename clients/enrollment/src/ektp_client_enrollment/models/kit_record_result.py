from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.kit_record_result_status import KitRecordResultStatus, check_kit_record_result_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conflict_ref import ConflictRef
    from ..models.field_error import FieldError


T = TypeVar("T", bound="KitRecordResult")


@_attrs_define
class KitRecordResult:
    """
    Attributes:
        errors (list[FieldError]):
        kind (str):
        record_id (None | str):
        status (KitRecordResultStatus): accepted; already_accepted (taken before: the device may forget it); refused
            (nothing kept: fix it or discard it on the device); held (kept, waiting for the supervisor's decision on a
            conflict)
        warnings (list[str]):
        conflict (ConflictRef | None | Unset):
        enrollment_id (None | str | Unset):
        existing_enrollment_id (None | str | Unset):
        field_check_id (None | str | Unset):
    """

    errors: list[FieldError]
    kind: str
    record_id: None | str
    status: KitRecordResultStatus
    warnings: list[str]
    conflict: ConflictRef | None | Unset = UNSET
    enrollment_id: None | str | Unset = UNSET
    existing_enrollment_id: None | str | Unset = UNSET
    field_check_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        kind = self.kind

        record_id: None | str
        record_id = self.record_id

        status: str = self.status

        warnings = self.warnings

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

        existing_enrollment_id: None | str | Unset
        if isinstance(self.existing_enrollment_id, Unset):
            existing_enrollment_id = UNSET
        else:
            existing_enrollment_id = self.existing_enrollment_id

        field_check_id: None | str | Unset
        if isinstance(self.field_check_id, Unset):
            field_check_id = UNSET
        else:
            field_check_id = self.field_check_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "errors": errors,
                "kind": kind,
                "record_id": record_id,
                "status": status,
                "warnings": warnings,
            }
        )
        if conflict is not UNSET:
            field_dict["conflict"] = conflict
        if enrollment_id is not UNSET:
            field_dict["enrollment_id"] = enrollment_id
        if existing_enrollment_id is not UNSET:
            field_dict["existing_enrollment_id"] = existing_enrollment_id
        if field_check_id is not UNSET:
            field_dict["field_check_id"] = field_check_id

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

        kind = d.pop("kind")

        def _parse_record_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        record_id = _parse_record_id(d.pop("record_id"))

        status = check_kit_record_result_status(d.pop("status"))

        warnings = cast(list[str], d.pop("warnings"))

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

        def _parse_existing_enrollment_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_enrollment_id = _parse_existing_enrollment_id(
            d.pop("existing_enrollment_id", UNSET)
        )

        def _parse_field_check_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_check_id = _parse_field_check_id(d.pop("field_check_id", UNSET))

        kit_record_result = cls(
            errors=errors,
            kind=kind,
            record_id=record_id,
            status=status,
            warnings=warnings,
            conflict=conflict,
            enrollment_id=enrollment_id,
            existing_enrollment_id=existing_enrollment_id,
            field_check_id=field_check_id,
        )

        return kit_record_result
