from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Witness")


@_attrs_define
class Witness:
    """
    Attributes:
        nama (str):
        jabatan (str | Unset):  Default: ''.
        nip (str | Unset):  Default: ''.
    """

    nama: str
    jabatan: str | Unset = ""
    nip: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        nama = self.nama

        jabatan = self.jabatan

        nip = self.nip

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "nama": nama,
            }
        )
        if jabatan is not UNSET:
            field_dict["jabatan"] = jabatan
        if nip is not UNSET:
            field_dict["nip"] = nip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nama = d.pop("nama")

        jabatan = d.pop("jabatan", UNSET)

        nip = d.pop("nip", UNSET)

        witness = cls(
            nama=nama,
            jabatan=jabatan,
            nip=nip,
        )

        return witness
