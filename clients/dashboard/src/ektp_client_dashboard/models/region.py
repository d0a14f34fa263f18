from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.region_by_status import RegionByStatus
    from ..models.region_field_checks import RegionFieldChecks


T = TypeVar("T", bound="Region")


@_attrs_define
class Region:
    """
    Attributes:
        by_status (RegionByStatus):
        duplicate (int):
        failed (int):
        field_checks (RegionFieldChecks):
        issued (int):
        kode (str):
        lacking (int): target residents still without a card
        nama (str):
        print_ready (int):
        printed (int):
        recorded (int):
        residents (int):
        sent (int):
        suket (int):
        target (int): residents who must hold a KTP
    """

    by_status: RegionByStatus
    duplicate: int
    failed: int
    field_checks: RegionFieldChecks
    issued: int
    kode: str
    lacking: int
    nama: str
    print_ready: int
    printed: int
    recorded: int
    residents: int
    sent: int
    suket: int
    target: int

    def to_dict(self) -> dict[str, Any]:
        by_status = self.by_status.to_dict()

        duplicate = self.duplicate

        failed = self.failed

        field_checks = self.field_checks.to_dict()

        issued = self.issued

        kode = self.kode

        lacking = self.lacking

        nama = self.nama

        print_ready = self.print_ready

        printed = self.printed

        recorded = self.recorded

        residents = self.residents

        sent = self.sent

        suket = self.suket

        target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_status": by_status,
                "duplicate": duplicate,
                "failed": failed,
                "field_checks": field_checks,
                "issued": issued,
                "kode": kode,
                "lacking": lacking,
                "nama": nama,
                "print_ready": print_ready,
                "printed": printed,
                "recorded": recorded,
                "residents": residents,
                "sent": sent,
                "suket": suket,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.region_by_status import RegionByStatus  # noqa: PLC0415
        from ..models.region_field_checks import RegionFieldChecks  # noqa: PLC0415

        d = dict(src_dict)
        by_status = RegionByStatus.from_dict(d.pop("by_status"))

        duplicate = d.pop("duplicate")

        failed = d.pop("failed")

        field_checks = RegionFieldChecks.from_dict(d.pop("field_checks"))

        issued = d.pop("issued")

        kode = d.pop("kode")

        lacking = d.pop("lacking")

        nama = d.pop("nama")

        print_ready = d.pop("print_ready")

        printed = d.pop("printed")

        recorded = d.pop("recorded")

        residents = d.pop("residents")

        sent = d.pop("sent")

        suket = d.pop("suket")

        target = d.pop("target")

        region = cls(
            by_status=by_status,
            duplicate=duplicate,
            failed=failed,
            field_checks=field_checks,
            issued=issued,
            kode=kode,
            lacking=lacking,
            nama=nama,
            print_ready=print_ready,
            printed=printed,
            recorded=recorded,
            residents=residents,
            sent=sent,
            suket=suket,
            target=target,
        )

        return region
