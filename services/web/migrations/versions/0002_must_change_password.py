"""A session whose holder must change the password first (accounts says so at sign-in)."""

from ektp_shared.schema import run_script

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    run_script("ALTER TABLE web_sessions "
               "ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT false")
