"""Sample service for the plumbing tests: the shared tables plus an effects table."""

from alembic import op

from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    op.execute(
        """CREATE TABLE effects (
               id BIGSERIAL PRIMARY KEY, ce_id TEXT NOT NULL, nik TEXT NOT NULL, seq INT NOT NULL,
               applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"""
    )
    op.execute("CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL)")
