"""Sync: the centre lease (fencing token), so that one instance at a time talks to the centre,
and the roster pull requests that reach it from any instance."""

from ektp_shared.lease import LEASE_DDL, LEASE_DROP
from ektp_shared.schema import run_script

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    run_script(LEASE_DDL)
    # A supervisor's "pull the roster now" may reach any instance: it is written here, where
    # the instance holding the lease finds it.
    run_script(
        """
CREATE TABLE roster_pull_requests (
    kabupaten    TEXT PRIMARY KEY,
    requested_at TIMESTAMPTZ NOT NULL
);
"""
    )


def downgrade() -> None:
    run_script("DROP TABLE roster_pull_requests;")
    run_script(LEASE_DROP)
