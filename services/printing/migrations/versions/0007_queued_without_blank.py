"""Printing: the jobs added since the dispatcher's last pass (QUEUED, no blank), on an index of
their own, so that marking them WAITING_FOR_BLANK does not read the whole waiting queue."""


from ektp_shared.schema import run_script

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    run_script(
        """
CREATE INDEX print_jobs_queued_no_blank ON print_jobs (priority DESC, seq)
    WHERE status = 'QUEUED' AND blank_serial IS NULL;
"""
    )


def downgrade() -> None:
    run_script("DROP INDEX print_jobs_queued_no_blank;")
