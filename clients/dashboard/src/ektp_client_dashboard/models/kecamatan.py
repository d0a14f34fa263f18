from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kecamatan_by_status import KecamatanByStatus
    from ..models.kecamatan_field_checks import KecamatanFieldChecks
    from ..models.region import Region


T = TypeVar("T", bound="Kecamatan")


@_attrs_define
class Kecamatan:
    """
    Attributes:
        by_status (KecamatanByStatus):
        desa (list[Region]):
        duplicate (int):
        failed (int):
        field_checks (KecamatanFieldChecks):
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

    by_status: KecamatanByStatus
    desa: list[Region]
    duplicate: int
    failed: int
    field_checks: KecamatanFieldChecks
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

        desa = []
        for desa_item_data in self.desa:
            desa_item = desa_item_data.to_dict()
            desa.append(desa_item)

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
                "desa": desa,
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
        from ..models.kecamatan_by_status import KecamatanByStatus  # noqa: PLC0415
        from ..models.kecamatan_field_checks import KecamatanFieldChecks  # noqa: PLC0415
        from ..models.region import Region  # noqa: PLC0415

        d = dict(src_dict)
        by_status = KecamatanByStatus.from_dict(d.pop("by_status"))

        desa = []
        _desa = d.pop("desa")
        for desa_item_data in _desa:
            desa_item = Region.from_dict(desa_item_data)

            desa.append(desa_item)

        duplicate = d.pop("duplicate")

        failed = d.pop("failed")

        field_checks = KecamatanFieldChecks.from_dict(d.pop("field_checks"))

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

        kecamatan = cls(
            by_status=by_status,
            desa=desa,
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

        return kecamatan
