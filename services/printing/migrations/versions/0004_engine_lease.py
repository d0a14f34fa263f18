"""Printing: the print engine's lease (fencing token) and the CUPS job of each print job."""


from ektp_shared.lease import LEASE_DDL, LEASE_DROP
from ektp_shared.schema import run_script

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    run_script(LEASE_DDL)
    run_script(
        """
-- The token of the engine tenure that started the print: a successor recognises its
-- predecessor's jobs by it, and only that tenure may record the outcome.
ALTER TABLE print_jobs ADD COLUMN engine_token BIGINT;
-- The CUPS job that carries the card, so a timeout or a SPOILED check can cancel it.
ALTER TABLE print_jobs ADD COLUMN cups_queue TEXT;
ALTER TABLE print_jobs ADD COLUMN cups_job_id INT;
"""
    )


def downgrade() -> None:
    run_script(
        """
ALTER TABLE print_jobs DROP COLUMN cups_job_id, DROP COLUMN cups_queue,
    DROP COLUMN engine_token;
"""
    )
    run_script(LEASE_DROP)
