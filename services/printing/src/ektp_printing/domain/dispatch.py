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

    ``jobs`` are the jobs not yet printing (QUEUED, with or without a blank or a printer,
    and WAITING_FOR_BLANK): all of them, or at least every one holding a blank and the first
    ones in queue order, as many as there are blanks (the rest cannot change). The blanks on
    hand (free ones and the ones reserved by those jobs) go to the first jobs in queue order;
    the others wait as WAITING_FOR_BLANK. So a reprint or an urgent job takes the blank of
    the last job in the queue, never one in a printer. A job holding a blank goes to the
    least-loaded ONLINE printer; while none is ONLINE it stays QUEUED with its blank.
    """
    ordered = sorted(jobs, key=lambda j: queue_order(j.priority, j.seq))
    # Copied field by field: dataclasses.replace costs ten times as much, per job per pass.
    work = {j.id: PrintJob(j.id, j.status, j.priority, j.seq, j.printer_id, j.blank_serial,
                           j.reprint_of) for j in ordered}
    capacity = len(free_serials) + sum(1 for j in ordered if j.blank_serial is not None)
    loads = {p.id: p for p in printers}
    pool = list(free_serials)

    for job in ordered[capacity:]:
        w = work[job.id]
        if w.blank_serial is not None:
            pool.append(w.blank_serial)
            if w.printer_id in loads:
                p = loads[w.printer_id]
                loads[p.id] = replace(p, load=p.load - 1)
            w.blank_serial = w.printer_id = None
        if w.status != "WAITING_FOR_BLANK":
            w.move("WAITING_FOR_BLANK")

    pool.sort()
    for job in ordered[:capacity]:
        w = work[job.id]
        if w.blank_serial is None:
            w.reserve(pool.pop(0))
        if w.printer_id is None:
            target = least_loaded(list(loads.values()))
            if target is not None:
                w.printer_id = target.id
                loads[target.id] = replace(target, load=target.load + 1)

    original = {j.id: j for j in ordered}
    return [w for w in work.values() if w != original[w.id]]


def next_for_printer(queued: list[PrintJob]) -> PrintJob | None:
    """The job a free printer takes next from the ones given to it."""
    ready = [j for j in queued if j.status == "QUEUED" and j.blank_serial is not None]
    return min(ready, key=lambda j: queue_order(j.priority, j.seq)) if ready else None
