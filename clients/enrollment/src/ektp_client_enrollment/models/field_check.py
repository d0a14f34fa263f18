from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.field_check_outcome import FieldCheckOutcome, check_field_check_outcome
from ..types import UNSET, Unset

T = TypeVar("T", bound="FieldCheck")


@_attrs_define
class FieldCheck:
    """
    Attributes:
        nik (str): 16 digit NIK from the roster
        outcome (FieldCheckOutcome):
        note (str | Unset):  Default: ''.
    """

    nik: str
    outcome: FieldCheckOutcome
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        nik = self.nik

        outcome: str = self.outcome

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nik": nik,
                "outcome": outcome,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nik = d.pop("nik")

        outcome = check_field_check_outcome(d.pop("outcome"))

        note = d.pop("note", UNSET)

        field_check = cls(
            nik=nik,
            outcome=outcome,
            note=note,
        )

        return field_check
