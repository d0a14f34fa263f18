from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PrinterFigures")


@_attrs_define
class PrinterFigures:
    """
    Attributes:
        printed (int):
        printer_id (str):
        reason (str):
        since (datetime.datetime):
        spoiled (int):
        status (str):
    """

    printed: int
    printer_id: str
    reason: str
    since: datetime.datetime
    spoiled: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        printed = self.printed

        printer_id = self.printer_id

        reason = self.reason

        since = self.since.isoformat()

        spoiled = self.spoiled

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "printed": printed,
                "printer_id": printer_id,
                "reason": reason,
                "since": since,
                "spoiled": spoiled,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        printed = d.pop("printed")

        printer_id = d.pop("printer_id")

        reason = d.pop("reason")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        spoiled = d.pop("spoiled")

        status = d.pop("status")

        printer_figures = cls(
            printed=printed,
            printer_id=printer_id,
            reason=reason,
            since=since,
            spoiled=spoiled,
            status=status,
        )

        return printer_figures
