from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.suket_check_status import SuketCheckStatus, check_suket_check_status

T = TypeVar("T", bound="SuketCheck")


@_attrs_define
class SuketCheck:
    """
    Attributes:
        issued_on (datetime.date):
        nama (str):
        nik (str):
        number (str):
        status (SuketCheckStatus):
        valid (bool):
        valid_until (datetime.date):
    """

    issued_on: datetime.date
    nama: str
    nik: str
    number: str
    status: SuketCheckStatus
    valid: bool
    valid_until: datetime.date

    def to_dict(self) -> dict[str, Any]:
        issued_on = self.issued_on.isoformat()

        nama = self.nama

        nik = self.nik

        number = self.number

        status: str = self.status

        valid = self.valid

        valid_until = self.valid_until.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issued_on": issued_on,
                "nama": nama,
                "nik": nik,
                "number": number,
                "status": status,
                "valid": valid,
                "valid_until": valid_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        nama = d.pop("nama")

        nik = d.pop("nik")

        number = d.pop("number")

        status = check_suket_check_status(d.pop("status"))

        valid = d.pop("valid")

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        suket_check = cls(
            issued_on=issued_on,
            nama=nama,
            nik=nik,
            number=number,
            status=status,
            valid=valid,
            valid_until=valid_until,
        )

        return suket_check
