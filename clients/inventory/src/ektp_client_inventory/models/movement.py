from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.movement_from_state_type_0 import (
    MovementFromStateType0,
    check_movement_from_state_type_0,
)
from ..models.movement_kind import MovementKind, check_movement_kind
from ..models.movement_to_state import MovementToState, check_movement_to_state

if TYPE_CHECKING:
    from ..models.movement_detail_type_0 import MovementDetailType0


T = TypeVar("T", bound="Movement")


@_attrs_define
class Movement:
    """
    Attributes:
        actor (str):
        at (datetime.datetime):
        detail (MovementDetailType0 | None):
        from_state (MovementFromStateType0 | None):
        kind (MovementKind):
        reference (str):
        to_state (MovementToState):
    """

    actor: str
    at: datetime.datetime
    detail: MovementDetailType0 | None
    from_state: MovementFromStateType0 | None
    kind: MovementKind
    reference: str
    to_state: MovementToState

    def to_dict(self) -> dict[str, Any]:
        from ..models.movement_detail_type_0 import MovementDetailType0  # noqa: PLC0415

        actor = self.actor

        at = self.at.isoformat()

        detail: dict[str, Any] | None
        if isinstance(self.detail, MovementDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        from_state: None | str
        if isinstance(self.from_state, str):
            from_state = self.from_state
        else:
            from_state = self.from_state

        kind: str = self.kind

        reference = self.reference

        to_state: str = self.to_state

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "actor": actor,
                "at": at,
                "detail": detail,
                "from_state": from_state,
                "kind": kind,
                "reference": reference,
                "to_state": to_state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.movement_detail_type_0 import MovementDetailType0  # noqa: PLC0415

        d = dict(src_dict)
        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_detail(data: object) -> MovementDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = MovementDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MovementDetailType0 | None, data)

        detail = _parse_detail(d.pop("detail"))

        def _parse_from_state(data: object) -> MovementFromStateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_state_type_0 = check_movement_from_state_type_0(data)

                return from_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MovementFromStateType0 | None, data)

        from_state = _parse_from_state(d.pop("from_state"))

        kind = check_movement_kind(d.pop("kind"))

        reference = d.pop("reference")

        to_state = check_movement_to_state(d.pop("to_state"))

        movement = cls(
            actor=actor,
            at=at,
            detail=detail,
            from_state=from_state,
            kind=kind,
            reference=reference,
            to_state=to_state,
        )

        return movement
