from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Kit")


@_attrs_define
class Kit:
    """
    Attributes:
        kit_id (str):
        label (str):
        public_key (str):
    """

    kit_id: str
    label: str
    public_key: str

    def to_dict(self) -> dict[str, Any]:
        kit_id = self.kit_id

        label = self.label

        public_key = self.public_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kit_id": kit_id,
                "label": label,
                "public_key": public_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kit_id = d.pop("kit_id")

        label = d.pop("label")

        public_key = d.pop("public_key")

        kit = cls(
            kit_id=kit_id,
            label=label,
            public_key=public_key,
        )

        return kit
