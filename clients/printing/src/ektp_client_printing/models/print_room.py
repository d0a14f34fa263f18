from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.blanks_on_hand import BlanksOnHand
    from ..models.print_room_jobs import PrintRoomJobs
    from ..models.printer import Printer
    from ..models.queued_job import QueuedJob
    from ..models.today import Today


T = TypeVar("T", bound="PrintRoom")


@_attrs_define
class PrintRoom:
    """
    Attributes:
        blanks (BlanksOnHand):
        jobs (PrintRoomJobs): print jobs by status
        printers (list[Printer]):
        queue (list[QueuedJob]): the first 50 jobs not yet done
        today (Today):
    """

    blanks: BlanksOnHand
    jobs: PrintRoomJobs
    printers: list[Printer]
    queue: list[QueuedJob]
    today: Today

    def to_dict(self) -> dict[str, Any]:
        blanks = self.blanks.to_dict()

        jobs = self.jobs.to_dict()

        printers = []
        for printers_item_data in self.printers:
            printers_item = printers_item_data.to_dict()
            printers.append(printers_item)

        queue = []
        for queue_item_data in self.queue:
            queue_item = queue_item_data.to_dict()
            queue.append(queue_item)

        today = self.today.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "blanks": blanks,
                "jobs": jobs,
                "printers": printers,
                "queue": queue,
                "today": today,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.blanks_on_hand import BlanksOnHand  # noqa: PLC0415
        from ..models.print_room_jobs import PrintRoomJobs  # noqa: PLC0415
        from ..models.printer import Printer  # noqa: PLC0415
        from ..models.queued_job import QueuedJob  # noqa: PLC0415
        from ..models.today import Today  # noqa: PLC0415

        d = dict(src_dict)
        blanks = BlanksOnHand.from_dict(d.pop("blanks"))

        jobs = PrintRoomJobs.from_dict(d.pop("jobs"))

        printers = []
        _printers = d.pop("printers")
        for printers_item_data in _printers:
            printers_item = Printer.from_dict(printers_item_data)

            printers.append(printers_item)

        queue = []
        _queue = d.pop("queue")
        for queue_item_data in _queue:
            queue_item = QueuedJob.from_dict(queue_item_data)

            queue.append(queue_item)

        today = Today.from_dict(d.pop("today"))

        print_room = cls(
            blanks=blanks,
            jobs=jobs,
            printers=printers,
            queue=queue,
            today=today,
        )

        return print_room
