from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Attributes:
        service (str):
        status (Literal['ok']):
    """

    service: str
    status: Literal["ok"]

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service": service,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service = d.pop("service")

        status = cast(Literal["ok"], d.pop("status"))
        if status != "ok":
            raise ValueError(f"status must match const 'ok', got '{status}'")

        health = cls(
            service=service,
            status=status,
        )

        return health
