from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SuketIssued")


@_attrs_define
class SuketIssued:
    """
    Attributes:
        issued_on (datetime.date):
        nama (str):
        nik (str):
        number (str):
        pdf_url (str):
        valid_until (datetime.date):
        verify_url (str):
    """

    issued_on: datetime.date
    nama: str
    nik: str
    number: str
    pdf_url: str
    valid_until: datetime.date
    verify_url: str

    def to_dict(self) -> dict[str, Any]:
        issued_on = self.issued_on.isoformat()

        nama = self.nama

        nik = self.nik

        number = self.number

        pdf_url = self.pdf_url

        valid_until = self.valid_until.isoformat()

        verify_url = self.verify_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issued_on": issued_on,
                "nama": nama,
                "nik": nik,
                "number": number,
                "pdf_url": pdf_url,
                "valid_until": valid_until,
                "verify_url": verify_url,
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

        pdf_url = d.pop("pdf_url")

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        verify_url = d.pop("verify_url")

        suket_issued = cls(
            issued_on=issued_on,
            nama=nama,
            nik=nik,
            number=number,
            pdf_url=pdf_url,
            valid_until=valid_until,
            verify_url=verify_url,
        )

        return suket_issued
