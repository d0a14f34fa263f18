"""Printing: indexes for a dispatcher that plans over the head of the queue, not all of it."""


from ektp_shared.schema import run_script

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    run_script(
        """
-- The queue in its order (priority, then arrival): the dispatcher reads only its head, as
-- many jobs as there are blanks on hand, with a LIMIT.
CREATE INDEX print_jobs_unstarted ON print_jobs (priority DESC, seq)
    WHERE status IN ('QUEUED', 'WAITING_FOR_BLANK');
-- Each printer's work (its load, and the next job it takes) without reading printed jobs.
CREATE INDEX print_jobs_printer_work ON print_jobs (printer_id, priority DESC, seq)
    WHERE status IN ('QUEUED', 'PRINTING');
-- The blanks on hand, free or reserved, without reading the used ones.
CREATE INDEX blanks_on_hand ON blanks (job_id) WHERE status = 'ON_HAND';
"""
    )


def downgrade() -> None:
    run_script(
        """
DROP INDEX blanks_on_hand;
DROP INDEX print_jobs_printer_work;
DROP INDEX print_jobs_unstarted;
"""
    )
