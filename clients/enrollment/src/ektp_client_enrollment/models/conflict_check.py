from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conflict_check_outcome import ConflictCheckOutcome, check_conflict_check_outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConflictCheck")


@_attrs_define
class ConflictCheck:
    """
    Attributes:
        checked_at (datetime.datetime):
        field_check_id (None | str):
        officer (str):
        outcome (ConflictCheckOutcome):
        applied (bool | None | Unset): true: the check the roster followed
        note (None | str | Unset):
        source_ref (None | str | Unset): kit:record_id of a village record
    """

    checked_at: datetime.datetime
    field_check_id: None | str
    officer: str
    outcome: ConflictCheckOutcome
    applied: bool | None | Unset = UNSET
    note: None | str | Unset = UNSET
    source_ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        checked_at = self.checked_at.isoformat()

        field_check_id: None | str
        field_check_id = self.field_check_id

        officer = self.officer

        outcome: str = self.outcome

        applied: bool | None | Unset
        if isinstance(self.applied, Unset):
            applied = UNSET
        else:
            applied = self.applied

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        source_ref: None | str | Unset
        if isinstance(self.source_ref, Unset):
            source_ref = UNSET
        else:
            source_ref = self.source_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checked_at": checked_at,
                "field_check_id": field_check_id,
                "officer": officer,
                "outcome": outcome,
            }
        )
        if applied is not UNSET:
            field_dict["applied"] = applied
        if note is not UNSET:
            field_dict["note"] = note
        if source_ref is not UNSET:
            field_dict["source_ref"] = source_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        def _parse_field_check_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field_check_id = _parse_field_check_id(d.pop("field_check_id"))

        officer = d.pop("officer")

        outcome = check_conflict_check_outcome(d.pop("outcome"))

        def _parse_applied(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        applied = _parse_applied(d.pop("applied", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_source_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ref = _parse_source_ref(d.pop("source_ref", UNSET))

        conflict_check = cls(
            checked_at=checked_at,
            field_check_id=field_check_id,
            officer=officer,
            outcome=outcome,
            applied=applied,
            note=note,
            source_ref=source_ref,
        )

        return conflict_check
