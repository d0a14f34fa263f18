"""The dispatcher: blanks to jobs in queue order, jobs to the ONLINE printer with least work."""

from __future__ import annotations

from dataclasses import replace

from .jobs import PrintJob
from .printers import PrinterLoad, least_loaded
from .priority import queue_order


def plan_dispatch(
    jobs: list[PrintJob], free_serials: list[str], printers: list[PrinterLoad]
) -> list[PrintJob]:
    """Return the jobs whose blank, printer or status changed.

    ``jobs`` are the ones not yet at a printer (QUEUED without a printer, or
    WAITING_FOR_BLANK). Each takes the lowest free serial in queue order; without one it
    waits as WAITING_FOR_BLANK. A job holding a blank goes to the least-loaded ONLINE
    printer; while none is ONLINE it stays QUEUED with its blank.
    """
    serials = sorted(free_serials)
    loads = {p.id: p for p in printers}
    changed: list[PrintJob] = []
    for original in sorted(jobs, key=lambda j: queue_order(j.priority, j.seq)):
        job = replace(original)
        if job.blank_serial is None:
            if serials:
                job.reserve(serials.pop(0))
            elif job.status != "WAITING_FOR_BLANK":
                job.move("WAITING_FOR_BLANK")
        if job.blank_serial is not None and job.printer_id is None:
            target = least_loaded(list(loads.values()))
            if target is not None:
                job.printer_id = target.id
                loads[target.id] = replace(target, load=target.load + 1)
        if job != original:
            changed.append(job)
    return changed


def next_for_printer(queued: list[PrintJob]) -> PrintJob | None:
    """The job a free printer takes next from the ones given to it."""
    ready = [j for j in queued if j.status == "QUEUED" and j.blank_serial is not None]
    return min(ready, key=lambda j: queue_order(j.priority, j.seq)) if ready else None
