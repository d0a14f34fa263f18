from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consumer_state import ConsumerState
    from ..models.relay_state import RelayState


T = TypeVar("T", bound="KafkaState")


@_attrs_define
class KafkaState:
    """
    Attributes:
        consumer (ConsumerState | None | Unset): the consumer, if any
        outbox_backlog (int | None | Unset): events not yet published
        relay (None | RelayState | Unset): the outbox relay, if the service has one
    """

    consumer: ConsumerState | None | Unset = UNSET
    outbox_backlog: int | None | Unset = UNSET
    relay: None | RelayState | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.consumer_state import ConsumerState  # noqa: PLC0415
        from ..models.relay_state import RelayState  # noqa: PLC0415

        consumer: dict[str, Any] | None | Unset
        if isinstance(self.consumer, Unset):
            consumer = UNSET
        elif isinstance(self.consumer, ConsumerState):
            consumer = self.consumer.to_dict()
        else:
            consumer = self.consumer

        outbox_backlog: int | None | Unset
        if isinstance(self.outbox_backlog, Unset):
            outbox_backlog = UNSET
        else:
            outbox_backlog = self.outbox_backlog

        relay: dict[str, Any] | None | Unset
        if isinstance(self.relay, Unset):
            relay = UNSET
        elif isinstance(self.relay, RelayState):
            relay = self.relay.to_dict()
        else:
            relay = self.relay

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if consumer is not UNSET:
            field_dict["consumer"] = consumer
        if outbox_backlog is not UNSET:
            field_dict["outbox_backlog"] = outbox_backlog
        if relay is not UNSET:
            field_dict["relay"] = relay

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consumer_state import ConsumerState  # noqa: PLC0415
        from ..models.relay_state import RelayState  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_consumer(data: object) -> ConsumerState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                consumer_type_0 = ConsumerState.from_dict(data)

                return consumer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConsumerState | None | Unset, data)

        consumer = _parse_consumer(d.pop("consumer", UNSET))

        def _parse_outbox_backlog(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        outbox_backlog = _parse_outbox_backlog(d.pop("outbox_backlog", UNSET))

        def _parse_relay(data: object) -> None | RelayState | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                relay_type_0 = RelayState.from_dict(data)

                return relay_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RelayState | Unset, data)

        relay = _parse_relay(d.pop("relay", UNSET))

        kafka_state = cls(
            consumer=consumer,
            outbox_backlog=outbox_backlog,
            relay=relay,
        )

        return kafka_state
