from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PullRequested")


@_attrs_define
class PullRequested:
    """
    Attributes:
        status (Literal['requested']):
    """

    status: Literal["requested"]

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = cast(Literal["requested"], d.pop("status"))
        if status != "requested":
            raise ValueError(f"status must match const 'requested', got '{status}'")

        pull_requested = cls(
            status=status,
        )

        return pull_requested
