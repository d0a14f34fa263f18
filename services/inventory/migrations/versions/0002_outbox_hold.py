"""Held outbox rows (a poison event never blocks the relay) and the relay's lease row."""

from ektp_shared.schema import OUTBOX_HOLD_DDL, OUTBOX_HOLD_DROP, run_script

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    run_script(OUTBOX_HOLD_DDL)


def downgrade() -> None:
    run_script(OUTBOX_HOLD_DROP)
