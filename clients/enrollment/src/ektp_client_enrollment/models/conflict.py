from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.conflict_kind import ConflictKind, check_conflict_kind
from ..models.conflict_status import ConflictStatus, check_conflict_status

if TYPE_CHECKING:
    from ..models.conflict_details import ConflictDetails


T = TypeVar("T", bound="Conflict")


@_attrs_define
class Conflict:
    """
    Attributes:
        decided_at (datetime.datetime | None):
        decided_by (None | str):
        decision (None | str):
        details (ConflictDetails):
        id (int):
        kind (ConflictKind):
        kode_desa (str):
        nama (None | str):
        nik (str):
        opened_at (datetime.datetime):
        reason (None | str):
        status (ConflictStatus):
    """

    decided_at: datetime.datetime | None
    decided_by: None | str
    decision: None | str
    details: ConflictDetails
    id: int
    kind: ConflictKind
    kode_desa: str
    nama: None | str
    nik: str
    opened_at: datetime.datetime
    reason: None | str
    status: ConflictStatus

    def to_dict(self) -> dict[str, Any]:
        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        decision: None | str
        decision = self.decision

        details = self.details.to_dict()

        id = self.id

        kind: str = self.kind

        kode_desa = self.kode_desa

        nama: None | str
        nama = self.nama

        nik = self.nik

        opened_at = self.opened_at.isoformat()

        reason: None | str
        reason = self.reason

        status: str = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decided_at": decided_at,
                "decided_by": decided_by,
                "decision": decision,
                "details": details,
                "id": id,
                "kind": kind,
                "kode_desa": kode_desa,
                "nama": nama,
                "nik": nik,
                "opened_at": opened_at,
                "reason": reason,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conflict_details import ConflictDetails  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision = _parse_decision(d.pop("decision"))

        details = ConflictDetails.from_dict(d.pop("details"))

        id = d.pop("id")

        kind = check_conflict_kind(d.pop("kind"))

        kode_desa = d.pop("kode_desa")

        def _parse_nama(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nama = _parse_nama(d.pop("nama"))

        nik = d.pop("nik")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        status = check_conflict_status(d.pop("status"))

        conflict = cls(
            decided_at=decided_at,
            decided_by=decided_by,
            decision=decision,
            details=details,
            id=id,
            kind=kind,
            kode_desa=kode_desa,
            nama=nama,
            nik=nik,
            opened_at=opened_at,
            reason=reason,
            status=status,
        )

        return conflict
