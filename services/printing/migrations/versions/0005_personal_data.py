"""Personal data: card images kept sealed and purged after handover; Suket revocation."""

from ektp_shared.schema import run_script

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    run_script(
        """
-- The card's photo and signature as they came: sealed for the print room (NULL once purged,
-- or for a job recorded before they were sealed, whose images sit in card until purged).
ALTER TABLE print_jobs ADD COLUMN sealed_images TEXT;
ALTER TABLE print_jobs ADD COLUMN images_purged_at TIMESTAMPTZ;
CREATE INDEX print_jobs_images_held ON print_jobs (finished_at, issued_at)
    WHERE images_purged_at IS NULL AND status IN ('ISSUED', 'SPOILED');

-- A Suket stands in for the card until the card is handed over: then it is revoked.
ALTER TABLE sukets ADD COLUMN revoked_at TIMESTAMPTZ;
ALTER TABLE sukets ADD COLUMN revoked_reason TEXT;
"""
    )
