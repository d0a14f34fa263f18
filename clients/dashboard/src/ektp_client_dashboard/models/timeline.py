from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.timeline_field_outcome_type_0 import (
    TimelineFieldOutcomeType0,
    check_timeline_field_outcome_type_0,
)
from ..models.timeline_status import TimelineStatus, check_timeline_status

if TYPE_CHECKING:
    from ..models.step import Step


T = TypeVar("T", bound="Timeline")


@_attrs_define
class Timeline:
    """
    Attributes:
        desa (None | str):
        enrollment_id (None | str):
        field_outcome (None | TimelineFieldOutcomeType0):
        in_status (str):
        in_status_seconds (float):
        kecamatan (None | str):
        kode_desa (str):
        nama (None | str):
        nik (str):
        on_roster (bool):
        status (TimelineStatus):
        status_label (str):
        status_since (datetime.datetime):
        steps (list[Step]):
        stuck (bool):
        stuck_after_hours (float):
    """

    desa: None | str
    enrollment_id: None | str
    field_outcome: None | TimelineFieldOutcomeType0
    in_status: str
    in_status_seconds: float
    kecamatan: None | str
    kode_desa: str
    nama: None | str
    nik: str
    on_roster: bool
    status: TimelineStatus
    status_label: str
    status_since: datetime.datetime
    steps: list[Step]
    stuck: bool
    stuck_after_hours: float

    def to_dict(self) -> dict[str, Any]:
        desa: None | str
        desa = self.desa

        enrollment_id: None | str
        enrollment_id = self.enrollment_id

        field_outcome: None | str
        if isinstance(self.field_outcome, str):
            field_outcome = self.field_outcome
        else:
            field_outcome = self.field_outcome

        in_status = self.in_status

        in_status_seconds = self.in_status_seconds

        kecamatan: None | str
        kecamatan = self.kecamatan

        kode_desa = self.kode_desa

        nama: None | str
        nama = self.nama

        nik = self.nik

        on_roster = self.on_roster

        status: str = self.status

        status_label = self.status_label

        status_since = self.status_since.isoformat()

        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        stuck = self.stuck

        stuck_after_hours = self.stuck_after_hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "desa": desa,
                "enrollment_id": enrollment_id,
                "field_outcome": field_outcome,
                "in_status": in_status,
                "in_status_seconds": in_status_seconds,
                "kecamatan": kecamatan,
                "kode_desa": kode_desa,
                "nama": nama,
                "nik": nik,
                "on_roster": on_roster,
                "status": status,
                "status_label": status_label,
                "status_since": status_since,
                "steps": steps,
                "stuck": stuck,
                "stuck_after_hours": stuck_after_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.step import Step  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_desa(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        desa = _parse_desa(d.pop("desa"))

        def _parse_enrollment_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        enrollment_id = _parse_enrollment_id(d.pop("enrollment_id"))

        def _parse_field_outcome(data: object) -> None | TimelineFieldOutcomeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                field_outcome_type_0 = check_timeline_field_outcome_type_0(data)

                return field_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TimelineFieldOutcomeType0, data)

        field_outcome = _parse_field_outcome(d.pop("field_outcome"))

        in_status = d.pop("in_status")

        in_status_seconds = d.pop("in_status_seconds")

        def _parse_kecamatan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kecamatan = _parse_kecamatan(d.pop("kecamatan"))

        kode_desa = d.pop("kode_desa")

        def _parse_nama(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nama = _parse_nama(d.pop("nama"))

        nik = d.pop("nik")

        on_roster = d.pop("on_roster")

        status = check_timeline_status(d.pop("status"))

        status_label = d.pop("status_label")

        status_since = datetime.datetime.fromisoformat(d.pop("status_since"))

        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = Step.from_dict(steps_item_data)

            steps.append(steps_item)

        stuck = d.pop("stuck")

        stuck_after_hours = d.pop("stuck_after_hours")

        timeline = cls(
            desa=desa,
            enrollment_id=enrollment_id,
            field_outcome=field_outcome,
            in_status=in_status,
            in_status_seconds=in_status_seconds,
            kecamatan=kecamatan,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            on_roster=on_roster,
            status=status,
            status_label=status_label,
            status_since=status_since,
            steps=steps,
            stuck=stuck,
            stuck_after_hours=stuck_after_hours,
        )

        return timeline
