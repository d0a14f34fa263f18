from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.check_in_outcome import CheckInOutcome, check_check_in_outcome
from ..models.check_in_reason import CheckInReason, check_check_in_reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckIn")


@_attrs_define
class CheckIn:
    """
    Attributes:
        outcome (CheckInOutcome): PRINTED: the card came out good; SPOILED: the blank is ruined
        note (str | Unset):  Default: ''.
        reason (CheckInReason | Unset):  Default: 'UNKNOWN_AFTER_CRASH'.
    """

    outcome: CheckInOutcome
    note: str | Unset = ""
    reason: CheckInReason | Unset = "UNKNOWN_AFTER_CRASH"

    def to_dict(self) -> dict[str, Any]:
        outcome: str = self.outcome

        note = self.note

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = check_check_in_outcome(d.pop("outcome"))

        note = d.pop("note", UNSET)

        _reason = d.pop("reason", UNSET)
        reason: CheckInReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = check_check_in_reason(_reason)

        check_in = cls(
            outcome=outcome,
            note=note,
            reason=reason,
        )

        return check_in
