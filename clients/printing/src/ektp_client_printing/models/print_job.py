from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.print_job_status import PrintJobStatus, check_print_job_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrintJob")


@_attrs_define
class PrintJob:
    """
    Attributes:
        blank_serial (None | str):
        created_at (datetime.datetime):
        detail (str):
        enrollment_id (str):
        finished_at (datetime.datetime | None):
        handed_to (None | str):
        id (str):
        issued_at (datetime.datetime | None):
        issued_by (None | str):
        kode_desa (str):
        nik (str):
        printer_id (None | str):
        priority (int):
        relationship (None | str):
        reprint_of (None | str): the spoiled job this one reprints
        seq (int):
        spoil_reason (None | str):
        started_at (datetime.datetime | None):
        status (PrintJobStatus):
        nama (None | str | Unset):
    """

    blank_serial: None | str
    created_at: datetime.datetime
    detail: str
    enrollment_id: str
    finished_at: datetime.datetime | None
    handed_to: None | str
    id: str
    issued_at: datetime.datetime | None
    issued_by: None | str
    kode_desa: str
    nik: str
    printer_id: None | str
    priority: int
    relationship: None | str
    reprint_of: None | str
    seq: int
    spoil_reason: None | str
    started_at: datetime.datetime | None
    status: PrintJobStatus
    nama: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        blank_serial: None | str
        blank_serial = self.blank_serial

        created_at = self.created_at.isoformat()

        detail = self.detail

        enrollment_id = self.enrollment_id

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        handed_to: None | str
        handed_to = self.handed_to

        id = self.id

        issued_at: None | str
        if isinstance(self.issued_at, datetime.datetime):
            issued_at = self.issued_at.isoformat()
        else:
            issued_at = self.issued_at

        issued_by: None | str
        issued_by = self.issued_by

        kode_desa = self.kode_desa

        nik = self.nik

        printer_id: None | str
        printer_id = self.printer_id

        priority = self.priority

        relationship: None | str
        relationship = self.relationship

        reprint_of: None | str
        reprint_of = self.reprint_of

        seq = self.seq

        spoil_reason: None | str
        spoil_reason = self.spoil_reason

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status: str = self.status

        nama: None | str | Unset
        if isinstance(self.nama, Unset):
            nama = UNSET
        else:
            nama = self.nama

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "blank_serial": blank_serial,
                "created_at": created_at,
                "detail": detail,
                "enrollment_id": enrollment_id,
                "finished_at": finished_at,
                "handed_to": handed_to,
                "id": id,
                "issued_at": issued_at,
                "issued_by": issued_by,
                "kode_desa": kode_desa,
                "nik": nik,
                "printer_id": printer_id,
                "priority": priority,
                "relationship": relationship,
                "reprint_of": reprint_of,
                "seq": seq,
                "spoil_reason": spoil_reason,
                "started_at": started_at,
                "status": status,
            }
        )
        if nama is not UNSET:
            field_dict["nama"] = nama

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_blank_serial(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        blank_serial = _parse_blank_serial(d.pop("blank_serial"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        detail = d.pop("detail")

        enrollment_id = d.pop("enrollment_id")

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_handed_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        handed_to = _parse_handed_to(d.pop("handed_to"))

        id = d.pop("id")

        def _parse_issued_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_at_type_0 = datetime.datetime.fromisoformat(data)

                return issued_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        issued_at = _parse_issued_at(d.pop("issued_at"))

        def _parse_issued_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        issued_by = _parse_issued_by(d.pop("issued_by"))

        kode_desa = d.pop("kode_desa")

        nik = d.pop("nik")

        def _parse_printer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        printer_id = _parse_printer_id(d.pop("printer_id"))

        priority = d.pop("priority")

        def _parse_relationship(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        relationship = _parse_relationship(d.pop("relationship"))

        def _parse_reprint_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reprint_of = _parse_reprint_of(d.pop("reprint_of"))

        seq = d.pop("seq")

        def _parse_spoil_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        spoil_reason = _parse_spoil_reason(d.pop("spoil_reason"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        status = check_print_job_status(d.pop("status"))

        def _parse_nama(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nama = _parse_nama(d.pop("nama", UNSET))

        print_job = cls(
            blank_serial=blank_serial,
            created_at=created_at,
            detail=detail,
            enrollment_id=enrollment_id,
            finished_at=finished_at,
            handed_to=handed_to,
            id=id,
            issued_at=issued_at,
            issued_by=issued_by,
            kode_desa=kode_desa,
            nik=nik,
            printer_id=printer_id,
            priority=priority,
            relationship=relationship,
            reprint_of=reprint_of,
            seq=seq,
            spoil_reason=spoil_reason,
            started_at=started_at,
            status=status,
            nama=nama,
        )

        return print_job
