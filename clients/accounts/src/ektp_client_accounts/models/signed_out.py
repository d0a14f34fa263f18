from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignedOut")


@_attrs_define
class SignedOut:
    """
    Attributes:
        signed_out (bool | Unset):  Default: True.
    """

    signed_out: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        signed_out = self.signed_out

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if signed_out is not UNSET:
            field_dict["signed_out"] = signed_out

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        signed_out = d.pop("signed_out", UNSET)

        signed_out = cls(
            signed_out=signed_out,
        )

        return signed_out
