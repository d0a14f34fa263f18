from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Kit")


@_attrs_define
class Kit:
    """
    Attributes:
        kit_id (str):
        label (str):
        public_key (str):
        already_registered (bool | None | Unset): true when this kit and key were registered before (a retry)
    """

    kit_id: str
    label: str
    public_key: str
    already_registered: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kit_id = self.kit_id

        label = self.label

        public_key = self.public_key

        already_registered: bool | None | Unset
        if isinstance(self.already_registered, Unset):
            already_registered = UNSET
        else:
            already_registered = self.already_registered

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kit_id": kit_id,
                "label": label,
                "public_key": public_key,
            }
        )
        if already_registered is not UNSET:
            field_dict["already_registered"] = already_registered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kit_id = d.pop("kit_id")

        label = d.pop("label")

        public_key = d.pop("public_key")

        def _parse_already_registered(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        already_registered = _parse_already_registered(d.pop("already_registered", UNSET))

        kit = cls(
            kit_id=kit_id,
            label=label,
            public_key=public_key,
            already_registered=already_registered,
        )

        return kit
