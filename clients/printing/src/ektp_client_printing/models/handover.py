from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Handover")


@_attrs_define
class Handover:
    """
    Attributes:
        blank_serial (None | str):
        handed_to (str):
        issued_at (datetime.datetime):
        job_id (str):
        nik (str):
        officer (str):
        relationship (None | str):
        status (Literal['ISSUED']):
    """

    blank_serial: None | str
    handed_to: str
    issued_at: datetime.datetime
    job_id: str
    nik: str
    officer: str
    relationship: None | str
    status: Literal["ISSUED"]

    def to_dict(self) -> dict[str, Any]:
        blank_serial: None | str
        blank_serial = self.blank_serial

        handed_to = self.handed_to

        issued_at = self.issued_at.isoformat()

        job_id = self.job_id

        nik = self.nik

        officer = self.officer

        relationship: None | str
        relationship = self.relationship

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "blank_serial": blank_serial,
                "handed_to": handed_to,
                "issued_at": issued_at,
                "job_id": job_id,
                "nik": nik,
                "officer": officer,
                "relationship": relationship,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_blank_serial(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blank_serial = _parse_blank_serial(d.pop("blank_serial"))

        handed_to = d.pop("handed_to")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        job_id = d.pop("job_id")

        nik = d.pop("nik")

        officer = d.pop("officer")

        def _parse_relationship(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        relationship = _parse_relationship(d.pop("relationship"))

        status = cast(Literal["ISSUED"], d.pop("status"))
        if status != "ISSUED":
            raise ValueError(f"status must match const 'ISSUED', got '{status}'")

        handover = cls(
            blank_serial=blank_serial,
            handed_to=handed_to,
            issued_at=issued_at,
            job_id=job_id,
            nik=nik,
            officer=officer,
            relationship=relationship,
            status=status,
        )

        return handover
