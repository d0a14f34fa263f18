from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.province_total_by_status import ProvinceTotalByStatus
    from ..models.province_total_field_checks import ProvinceTotalFieldChecks


T = TypeVar("T", bound="ProvinceTotal")


@_attrs_define
class ProvinceTotal:
    """The province: the kabupaten's counts summed (by status and field outcome too).

    Attributes:
        blank_shortfall (int): the offices' blank shortfalls, summed
        blanks_available (int):
        by_status (ProvinceTotalByStatus):
        cards_needed (int): the offices' cards still to make, summed
        duplicate (int):
        failed (int):
        field_checks (ProvinceTotalFieldChecks):
        issued (int):
        kabupaten (int): offices counted
        kabupaten_on_time (int): offices whose forecast finishes by the deadline
        lacking (int): target residents still without a card
        print_ready (int):
        printed (int):
        recorded (int):
        residents (int):
        sent (int):
        suket (int):
        target (int): residents who must hold a KTP
    """

    blank_shortfall: int
    blanks_available: int
    by_status: ProvinceTotalByStatus
    cards_needed: int
    duplicate: int
    failed: int
    field_checks: ProvinceTotalFieldChecks
    issued: int
    kabupaten: int
    kabupaten_on_time: int
    lacking: int
    print_ready: int
    printed: int
    recorded: int
    residents: int
    sent: int
    suket: int
    target: int

    def to_dict(self) -> dict[str, Any]:
        blank_shortfall = self.blank_shortfall

        blanks_available = self.blanks_available

        by_status = self.by_status.to_dict()

        cards_needed = self.cards_needed

        duplicate = self.duplicate

        failed = self.failed

        field_checks = self.field_checks.to_dict()

        issued = self.issued

        kabupaten = self.kabupaten

        kabupaten_on_time = self.kabupaten_on_time

        lacking = self.lacking

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
                "blank_shortfall": blank_shortfall,
                "blanks_available": blanks_available,
                "by_status": by_status,
                "cards_needed": cards_needed,
                "duplicate": duplicate,
                "failed": failed,
                "field_checks": field_checks,
                "issued": issued,
                "kabupaten": kabupaten,
                "kabupaten_on_time": kabupaten_on_time,
                "lacking": lacking,
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
        from ..models.province_total_by_status import ProvinceTotalByStatus  # noqa: PLC0415
        from ..models.province_total_field_checks import ProvinceTotalFieldChecks  # noqa: PLC0415

        d = dict(src_dict)
        blank_shortfall = d.pop("blank_shortfall")

        blanks_available = d.pop("blanks_available")

        by_status = ProvinceTotalByStatus.from_dict(d.pop("by_status"))

        cards_needed = d.pop("cards_needed")

        duplicate = d.pop("duplicate")

        failed = d.pop("failed")

        field_checks = ProvinceTotalFieldChecks.from_dict(d.pop("field_checks"))

        issued = d.pop("issued")

        kabupaten = d.pop("kabupaten")

        kabupaten_on_time = d.pop("kabupaten_on_time")

        lacking = d.pop("lacking")

        print_ready = d.pop("print_ready")

        printed = d.pop("printed")

        recorded = d.pop("recorded")

        residents = d.pop("residents")

        sent = d.pop("sent")

        suket = d.pop("suket")

        target = d.pop("target")

        province_total = cls(
            blank_shortfall=blank_shortfall,
            blanks_available=blanks_available,
            by_status=by_status,
            cards_needed=cards_needed,
            duplicate=duplicate,
            failed=failed,
            field_checks=field_checks,
            issued=issued,
            kabupaten=kabupaten,
            kabupaten_on_time=kabupaten_on_time,
            lacking=lacking,
            print_ready=print_ready,
            printed=printed,
            recorded=recorded,
            residents=residents,
            sent=sent,
            suket=suket,
            target=target,
        )

        return province_total
