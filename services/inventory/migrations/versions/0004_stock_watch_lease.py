"""Inventory: the leases table, for the stock watch's lease (one instance checks at a time)."""

from ektp_shared.lease import LEASE_DDL, LEASE_DROP
from ektp_shared.schema import run_script

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    run_script(LEASE_DDL)


def downgrade() -> None:
    run_script(LEASE_DROP)
