from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KitRegistration")


@_attrs_define
class KitRegistration:
    """
    Attributes:
        kit_id (str):
        public_key (str): base64 of the kit's Ed25519 verify key
        label (str | Unset):  Default: ''.
    """

    kit_id: str
    public_key: str
    label: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        kit_id = self.kit_id

        public_key = self.public_key

        label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kit_id": kit_id,
                "public_key": public_key,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kit_id = d.pop("kit_id")

        public_key = d.pop("public_key")

        label = d.pop("label", UNSET)

        kit_registration = cls(
            kit_id=kit_id,
            public_key=public_key,
            label=label,
        )

        return kit_registration
