from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RelayState")


@_attrs_define
class RelayState:
    """
    Attributes:
        connected (bool):
        held (int): events Kafka refused for good, waiting for an operator
        last_error (None | str):
        leader (bool):
        lease_token (int | None): the relay's fencing token while it leads
        published (int):
    """

    connected: bool
    held: int
    last_error: None | str
    leader: bool
    lease_token: int | None
    published: int

    def to_dict(self) -> dict[str, Any]:
        connected = self.connected

        held = self.held

        last_error: None | str
        last_error = self.last_error

        leader = self.leader

        lease_token: int | None
        lease_token = self.lease_token

        published = self.published

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "connected": connected,
                "held": held,
                "last_error": last_error,
                "leader": leader,
                "lease_token": lease_token,
                "published": published,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connected = d.pop("connected")

        held = d.pop("held")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        leader = d.pop("leader")

        def _parse_lease_token(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        lease_token = _parse_lease_token(d.pop("lease_token"))

        published = d.pop("published")

        relay_state = cls(
            connected=connected,
            held=held,
            last_error=last_error,
            leader=leader,
            lease_token=lease_token,
            published=published,
        )

        return relay_state
