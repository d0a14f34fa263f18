"""The web app's sign-in sessions: the tokens accounts gave, kept here, never in the browser."""

from ektp_shared.schema import (
    INBOX_RETENTION_DDL,
    OUTBOX_HOLD_DDL,
    PLUMBING_DDL,
    run_script,
)

revision = "0001"
down_revision = None


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(OUTBOX_HOLD_DDL)
    run_script(INBOX_RETENTION_DDL)
    run_script(
        """
        -- One row per browser sign-in; the cookie holds only the id. The refresh credential
        -- rotates on every refresh, so refreshes of one session take the row's lock.
        CREATE TABLE web_sessions (
            id                TEXT PRIMARY KEY,
            csrf_token        TEXT NOT NULL,
            username          TEXT NOT NULL,
            name              TEXT NOT NULL,
            role              TEXT NOT NULL,
            roles             TEXT[] NOT NULL,
            access_token      TEXT NOT NULL,
            access_expires_at TIMESTAMPTZ NOT NULL,
            refresh_token     TEXT NOT NULL,
            expires_at        TIMESTAMPTZ NOT NULL,
            last_seen_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
            created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
        """
    )
