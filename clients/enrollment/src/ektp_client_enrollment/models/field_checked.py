from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.field_checked_outcome import FieldCheckedOutcome, check_field_checked_outcome
from ..models.field_checked_roster_status import (
    FieldCheckedRosterStatus,
    check_field_checked_roster_status,
)

T = TypeVar("T", bound="FieldChecked")


@_attrs_define
class FieldChecked:
    """
    Attributes:
        checked_at (datetime.datetime):
        kode_desa (str):
        nik (str):
        officer (str):
        outcome (FieldCheckedOutcome):
        roster_status (FieldCheckedRosterStatus):
    """

    checked_at: datetime.datetime
    kode_desa: str
    nik: str
    officer: str
    outcome: FieldCheckedOutcome
    roster_status: FieldCheckedRosterStatus

    def to_dict(self) -> dict[str, Any]:
        checked_at = self.checked_at.isoformat()

        kode_desa = self.kode_desa

        nik = self.nik

        officer = self.officer

        outcome: str = self.outcome

        roster_status: str = self.roster_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checked_at": checked_at,
                "kode_desa": kode_desa,
                "nik": nik,
                "officer": officer,
                "outcome": outcome,
                "roster_status": roster_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        kode_desa = d.pop("kode_desa")

        nik = d.pop("nik")

        officer = d.pop("officer")

        outcome = check_field_checked_outcome(d.pop("outcome"))

        roster_status = check_field_checked_roster_status(d.pop("roster_status"))

        field_checked = cls(
            checked_at=checked_at,
            kode_desa=kode_desa,
            nik=nik,
            officer=officer,
            outcome=outcome,
            roster_status=roster_status,
        )

        return field_checked
