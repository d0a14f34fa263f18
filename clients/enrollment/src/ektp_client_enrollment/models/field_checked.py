from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.field_checked_outcome import FieldCheckedOutcome, check_field_checked_outcome
from ..models.field_checked_roster_status import (
    FieldCheckedRosterStatus,
    check_field_checked_roster_status,
)

if TYPE_CHECKING:
    from ..models.conflict_ref import ConflictRef


T = TypeVar("T", bound="FieldChecked")


@_attrs_define
class FieldChecked:
    """
    Attributes:
        checked_at (datetime.datetime):
        conflict (ConflictRef | None):
        field_check_id (str):
        held (bool): kept but not applied to the roster: a conflict for the supervisor (another officer's check differs,
            or already recorded)
        kode_desa (str):
        nik (str):
        officer (str):
        outcome (FieldCheckedOutcome):
        roster_status (FieldCheckedRosterStatus):
    """

    checked_at: datetime.datetime
    conflict: ConflictRef | None
    field_check_id: str
    held: bool
    kode_desa: str
    nik: str
    officer: str
    outcome: FieldCheckedOutcome
    roster_status: FieldCheckedRosterStatus

    def to_dict(self) -> dict[str, Any]:
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415

        checked_at = self.checked_at.isoformat()

        conflict: dict[str, Any] | None
        if isinstance(self.conflict, ConflictRef):
            conflict = self.conflict.to_dict()
        else:
            conflict = self.conflict

        field_check_id = self.field_check_id

        held = self.held

        kode_desa = self.kode_desa

        nik = self.nik

        officer = self.officer

        outcome: str = self.outcome

        roster_status: str = self.roster_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "checked_at": checked_at,
                "conflict": conflict,
                "field_check_id": field_check_id,
                "held": held,
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
        from ..models.conflict_ref import ConflictRef  # noqa: PLC0415

        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        def _parse_conflict(data: object) -> ConflictRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conflict_type_0 = ConflictRef.from_dict(data)

                return conflict_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConflictRef | None, data)

        conflict = _parse_conflict(d.pop("conflict"))

        field_check_id = d.pop("field_check_id")

        held = d.pop("held")

        kode_desa = d.pop("kode_desa")

        nik = d.pop("nik")

        officer = d.pop("officer")

        outcome = check_field_checked_outcome(d.pop("outcome"))

        roster_status = check_field_checked_roster_status(d.pop("roster_status"))

        field_checked = cls(
            checked_at=checked_at,
            conflict=conflict,
            field_check_id=field_check_id,
            held=held,
            kode_desa=kode_desa,
            nik=nik,
            officer=officer,
            outcome=outcome,
            roster_status=roster_status,
        )

        return field_checked
