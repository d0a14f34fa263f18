from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SuketIn")


@_attrs_define
class SuketIn:
    """
    Attributes:
        nik (str):
        nama (None | str | Unset): Needed only before print-ready
    """

    nik: str
    nama: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        nik = self.nik

        nama: None | str | Unset
        if isinstance(self.nama, Unset):
            nama = UNSET
        else:
            nama = self.nama

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nik": nik,
            }
        )
        if nama is not UNSET:
            field_dict["nama"] = nama

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nik = d.pop("nik")

        def _parse_nama(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nama = _parse_nama(d.pop("nama", UNSET))

        suket_in = cls(
            nik=nik,
            nama=nama,
        )

        return suket_in
