from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.suket_public_check_status import (
    SuketPublicCheckStatus,
    check_suket_public_check_status,
)

T = TypeVar("T", bound="SuketPublicCheck")


@_attrs_define
class SuketPublicCheck:
    """What anyone holding a Suket's number (its QR code) may learn: masked.

    Attributes:
        issued_on (datetime.date):
        issuing_office (str):
        nama (str): masked: the first letter of each word
        nik (str): masked: region and serial, not the birth date
        number (str):
        status (SuketPublicCheckStatus):
        valid (bool):
        valid_until (datetime.date):
    """

    issued_on: datetime.date
    issuing_office: str
    nama: str
    nik: str
    number: str
    status: SuketPublicCheckStatus
    valid: bool
    valid_until: datetime.date

    def to_dict(self) -> dict[str, Any]:
        issued_on = self.issued_on.isoformat()

        issuing_office = self.issuing_office

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
                "issuing_office": issuing_office,
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

        issuing_office = d.pop("issuing_office")

        nama = d.pop("nama")

        nik = d.pop("nik")

        number = d.pop("number")

        status = check_suket_public_check_status(d.pop("status"))

        valid = d.pop("valid")

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        suket_public_check = cls(
            issued_on=issued_on,
            issuing_office=issuing_office,
            nama=nama,
            nik=nik,
            number=number,
            status=status,
            valid=valid,
            valid_until=valid_until,
        )

        return suket_public_check
