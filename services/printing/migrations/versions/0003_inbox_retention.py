"""Inbox retention: an index on inbox.applied_at, for the consumer's periodic purge."""

from ektp_shared.schema import INBOX_RETENTION_DDL, INBOX_RETENTION_DROP, run_script

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    run_script(INBOX_RETENTION_DDL)


def downgrade() -> None:
    run_script(INBOX_RETENTION_DROP)
