from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HandoverIn")


@_attrs_define
class HandoverIn:
    """
    Attributes:
        handed_to (str): Name of whoever took the card
        relationship (None | str | Unset): Empty when the resident took it; else e.g. ISTRI, ANAK
    """

    handed_to: str
    relationship: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        handed_to = self.handed_to

        relationship: None | str | Unset
        if isinstance(self.relationship, Unset):
            relationship = UNSET
        else:
            relationship = self.relationship

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "handed_to": handed_to,
            }
        )
        if relationship is not UNSET:
            field_dict["relationship"] = relationship

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        handed_to = d.pop("handed_to")

        def _parse_relationship(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relationship = _parse_relationship(d.pop("relationship", UNSET))

        handover_in = cls(
            handed_to=handed_to,
            relationship=relationship,
        )

        return handover_in
