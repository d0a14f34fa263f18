"""The print job and its lifecycle (DESIGN.md section 5).

QUEUED -> WAITING_FOR_BLANK -> QUEUED (a blank is reserved) -> PRINTING -> PRINTED -> ISSUED,
or PRINTING -> SPOILED (a reprint job is made), or PRINTING -> NEEDS_CHECK (the process died
mid-print) -> PRINTED / SPOILED as the operator finds the card.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

JobStatus = Literal[
    "QUEUED", "WAITING_FOR_BLANK", "PRINTING", "PRINTED", "SPOILED", "NEEDS_CHECK", "ISSUED"
]
JOB_STATUSES: Final = (
    "QUEUED", "WAITING_FOR_BLANK", "PRINTING", "PRINTED", "SPOILED", "NEEDS_CHECK", "ISSUED"
)
# Jobs still on their way to a card.
OPEN_STATUSES: Final = ("QUEUED", "WAITING_FOR_BLANK", "PRINTING", "NEEDS_CHECK")

ALLOWED: Final[dict[str, frozenset[str]]] = {
    "QUEUED": frozenset({"WAITING_FOR_BLANK", "QUEUED", "PRINTING"}),
    "WAITING_FOR_BLANK": frozenset({"QUEUED"}),
    "PRINTING": frozenset({"PRINTED", "SPOILED", "NEEDS_CHECK"}),
    "NEEDS_CHECK": frozenset({"PRINTED", "SPOILED"}),
    "PRINTED": frozenset({"ISSUED"}),
    "SPOILED": frozenset(),
    "ISSUED": frozenset(),
}


class JobStateError(Exception):
    """A transition the lifecycle does not allow; the message says it for a clerk."""

    def __init__(self, job_id: str, current: str, wanted: str) -> None:
        super().__init__(
            f"Print job {job_id} is {current}; it cannot become {wanted}."
        )
        self.job_id = job_id
        self.current = current
        self.wanted = wanted


def check_transition(job_id: str, current: str, wanted: str) -> None:
    if wanted not in ALLOWED.get(current, frozenset()):
        raise JobStateError(job_id, current, wanted)


@dataclass
class PrintJob:
    """What the print room needs to know of a job to move it along."""

    id: str
    status: str
    priority: int
    seq: int
    printer_id: str | None = None
    blank_serial: str | None = None
    reprint_of: str | None = None

    def move(self, wanted: str) -> None:
        check_transition(self.id, self.status, wanted)
        self.status = wanted

    def reserve(self, serial: str) -> None:
        """A blank on hand is set aside for this job: it may now go to a printer."""
        if self.blank_serial is not None:
            raise ValueError(f"job {self.id} already holds blank {self.blank_serial}")
        self.blank_serial = serial
        self.move("QUEUED")

    def release_blank(self) -> str | None:
        """The blank left the print room before it was printed: back to the queue."""
        if self.status not in ("QUEUED", "WAITING_FOR_BLANK"):
            raise JobStateError(self.id, self.status, "QUEUED")
        serial, self.blank_serial, self.printer_id = self.blank_serial, None, None
        self.status = "QUEUED"
        return serial

    def start(self) -> None:
        if self.blank_serial is None or self.printer_id is None:
            raise JobStateError(self.id, self.status, "PRINTING")
        self.move("PRINTING")


CheckOutcome = Literal["PRINTED", "SPOILED"]
