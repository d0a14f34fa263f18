from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.circuit import Circuit
    from ..models.roster_cursor import RosterCursor
    from ..models.sync_status_backlog import SyncStatusBacklog


T = TypeVar("T", bound="SyncStatus")


@_attrs_define
class SyncStatus:
    """
    Attributes:
        backlog (SyncStatusBacklog): submissions by state
        centre_url (str):
        circuit (Circuit):
        last_successful_contact (datetime.datetime | None):
        oldest_awaiting_verdict_age_seconds (float | None):
        oldest_unsent_age_seconds (float | None):
        reports_unsent (int): population reports (PINDAH/MENINGGAL) not sent
        roster (list[RosterCursor]):
    """

    backlog: SyncStatusBacklog
    centre_url: str
    circuit: Circuit
    last_successful_contact: datetime.datetime | None
    oldest_awaiting_verdict_age_seconds: float | None
    oldest_unsent_age_seconds: float | None
    reports_unsent: int
    roster: list[RosterCursor]

    def to_dict(self) -> dict[str, Any]:
        backlog = self.backlog.to_dict()

        centre_url = self.centre_url

        circuit = self.circuit.to_dict()

        last_successful_contact: None | str
        if isinstance(self.last_successful_contact, datetime.datetime):
            last_successful_contact = self.last_successful_contact.isoformat()
        else:
            last_successful_contact = self.last_successful_contact

        oldest_awaiting_verdict_age_seconds: float | None
        oldest_awaiting_verdict_age_seconds = self.oldest_awaiting_verdict_age_seconds

        oldest_unsent_age_seconds: float | None
        oldest_unsent_age_seconds = self.oldest_unsent_age_seconds

        reports_unsent = self.reports_unsent

        roster = []
        for roster_item_data in self.roster:
            roster_item = roster_item_data.to_dict()
            roster.append(roster_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "backlog": backlog,
                "centre_url": centre_url,
                "circuit": circuit,
                "last_successful_contact": last_successful_contact,
                "oldest_awaiting_verdict_age_seconds": oldest_awaiting_verdict_age_seconds,
                "oldest_unsent_age_seconds": oldest_unsent_age_seconds,
                "reports_unsent": reports_unsent,
                "roster": roster,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.circuit import Circuit  # noqa: PLC0415
        from ..models.roster_cursor import RosterCursor  # noqa: PLC0415
        from ..models.sync_status_backlog import SyncStatusBacklog  # noqa: PLC0415

        d = dict(src_dict)
        backlog = SyncStatusBacklog.from_dict(d.pop("backlog"))

        centre_url = d.pop("centre_url")

        circuit = Circuit.from_dict(d.pop("circuit"))

        def _parse_last_successful_contact(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_successful_contact_type_0 = datetime.datetime.fromisoformat(data)

                return last_successful_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_successful_contact = _parse_last_successful_contact(d.pop("last_successful_contact"))

        def _parse_oldest_awaiting_verdict_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        oldest_awaiting_verdict_age_seconds = _parse_oldest_awaiting_verdict_age_seconds(
            d.pop("oldest_awaiting_verdict_age_seconds")
        )

        def _parse_oldest_unsent_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        oldest_unsent_age_seconds = _parse_oldest_unsent_age_seconds(
            d.pop("oldest_unsent_age_seconds")
        )

        reports_unsent = d.pop("reports_unsent")

        roster = []
        _roster = d.pop("roster")
        for roster_item_data in _roster:
            roster_item = RosterCursor.from_dict(roster_item_data)

            roster.append(roster_item)

        sync_status = cls(
            backlog=backlog,
            centre_url=centre_url,
            circuit=circuit,
            last_successful_contact=last_successful_contact,
            oldest_awaiting_verdict_age_seconds=oldest_awaiting_verdict_age_seconds,
            oldest_unsent_age_seconds=oldest_unsent_age_seconds,
            reports_unsent=reports_unsent,
            roster=roster,
        )

        return sync_status
