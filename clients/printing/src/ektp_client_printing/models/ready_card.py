from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReadyCard")


@_attrs_define
class ReadyCard:
    """
    Attributes:
        blank_serial (None | str):
        nama (str):
        nik (str):
        printed_at (datetime.datetime | None):
    """

    blank_serial: None | str
    nama: str
    nik: str
    printed_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        blank_serial: None | str
        blank_serial = self.blank_serial

        nama = self.nama

        nik = self.nik

        printed_at: None | str
        if isinstance(self.printed_at, datetime.datetime):
            printed_at = self.printed_at.isoformat()
        else:
            printed_at = self.printed_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "blank_serial": blank_serial,
                "nama": nama,
                "nik": nik,
                "printed_at": printed_at,
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

        nama = d.pop("nama")

        nik = d.pop("nik")

        def _parse_printed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                printed_at_type_0 = datetime.datetime.fromisoformat(data)

                return printed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        printed_at = _parse_printed_at(d.pop("printed_at"))

        ready_card = cls(
            blank_serial=blank_serial,
            nama=nama,
            nik=nik,
            printed_at=printed_at,
        )

        return ready_card
