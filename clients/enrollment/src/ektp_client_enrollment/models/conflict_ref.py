from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conflict_ref_kind_type_0 import ConflictRefKindType0, check_conflict_ref_kind_type_0
from ..models.conflict_ref_status_type_0 import (
    ConflictRefStatusType0,
    check_conflict_ref_status_type_0,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConflictRef")


@_attrs_define
class ConflictRef:
    """
    Attributes:
        id (int):
        kind (ConflictRefKindType0 | None):
        status (ConflictRefStatusType0 | None | Unset):
    """

    id: int
    kind: ConflictRefKindType0 | None
    status: ConflictRefStatusType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: None | str
        if isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "kind": kind,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_kind(data: object) -> ConflictRefKindType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = check_conflict_ref_kind_type_0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConflictRefKindType0 | None, data)

        kind = _parse_kind(d.pop("kind"))

        def _parse_status(data: object) -> ConflictRefStatusType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = check_conflict_ref_status_type_0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConflictRefStatusType0 | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        conflict_ref = cls(
            id=id,
            kind=kind,
            status=status,
        )

        return conflict_ref
