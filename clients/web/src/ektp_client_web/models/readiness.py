from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.readiness_status import ReadinessStatus, check_readiness_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kafka_state import KafkaState


T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Attributes:
        database (str): `up`, or `down: <error>`
        service (str):
        status (ReadinessStatus):
        degraded (list[str] | None | Unset): why events do not move
        kafka (KafkaState | None | Unset): reported, not required
    """

    database: str
    service: str
    status: ReadinessStatus
    degraded: list[str] | None | Unset = UNSET
    kafka: KafkaState | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.kafka_state import KafkaState  # noqa: PLC0415

        database = self.database

        service = self.service

        status: str = self.status

        degraded: list[str] | None | Unset
        if isinstance(self.degraded, Unset):
            degraded = UNSET
        elif isinstance(self.degraded, list):
            degraded = self.degraded

        else:
            degraded = self.degraded

        kafka: dict[str, Any] | None | Unset
        if isinstance(self.kafka, Unset):
            kafka = UNSET
        elif isinstance(self.kafka, KafkaState):
            kafka = self.kafka.to_dict()
        else:
            kafka = self.kafka

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "database": database,
                "service": service,
                "status": status,
            }
        )
        if degraded is not UNSET:
            field_dict["degraded"] = degraded
        if kafka is not UNSET:
            field_dict["kafka"] = kafka

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kafka_state import KafkaState  # noqa: PLC0415

        d = dict(src_dict)
        database = d.pop("database")

        service = d.pop("service")

        status = check_readiness_status(d.pop("status"))

        def _parse_degraded(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                degraded_type_0 = cast(list[str], data)

                return degraded_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        degraded = _parse_degraded(d.pop("degraded", UNSET))

        def _parse_kafka(data: object) -> KafkaState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                kafka_type_0 = KafkaState.from_dict(data)

                return kafka_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KafkaState | None | Unset, data)

        kafka = _parse_kafka(d.pop("kafka", UNSET))

        readiness = cls(
            database=database,
            service=service,
            status=status,
            degraded=degraded,
            kafka=kafka,
        )

        return readiness
