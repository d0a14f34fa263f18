from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ForecastInputs")


@_attrs_define
class ForecastInputs:
    """
    Attributes:
        awaiting_print (int):
        blanks_available (int):
        in_pipeline (int):
        print_rate (float):
        printers_working (int):
        prr_share (float):
        record_rate (float):
        to_record (int):
    """

    awaiting_print: int
    blanks_available: int
    in_pipeline: int
    print_rate: float
    printers_working: int
    prr_share: float
    record_rate: float
    to_record: int

    def to_dict(self) -> dict[str, Any]:
        awaiting_print = self.awaiting_print

        blanks_available = self.blanks_available

        in_pipeline = self.in_pipeline

        print_rate = self.print_rate

        printers_working = self.printers_working

        prr_share = self.prr_share

        record_rate = self.record_rate

        to_record = self.to_record

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "awaiting_print": awaiting_print,
                "blanks_available": blanks_available,
                "in_pipeline": in_pipeline,
                "print_rate": print_rate,
                "printers_working": printers_working,
                "prr_share": prr_share,
                "record_rate": record_rate,
                "to_record": to_record,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        awaiting_print = d.pop("awaiting_print")

        blanks_available = d.pop("blanks_available")

        in_pipeline = d.pop("in_pipeline")

        print_rate = d.pop("print_rate")

        printers_working = d.pop("printers_working")

        prr_share = d.pop("prr_share")

        record_rate = d.pop("record_rate")

        to_record = d.pop("to_record")

        forecast_inputs = cls(
            awaiting_print=awaiting_print,
            blanks_available=blanks_available,
            in_pipeline=in_pipeline,
            print_rate=print_rate,
            printers_working=printers_working,
            prr_share=prr_share,
            record_rate=record_rate,
            to_record=to_record,
        )

        return forecast_inputs
