"""Staff accounts and their sign-in sessions (refresh credentials, kept hashed)."""

from ektp_shared.schema import (
    INBOX_RETENTION_DDL,
    OUTBOX_HOLD_DDL,
    PLUMBING_DDL,
    run_script,
)

revision = "0001"
down_revision = None


def upgrade() -> None:
    # The plumbing every service has (the audit table above all), at its current revision.
    run_script(PLUMBING_DDL)
    run_script(OUTBOX_HOLD_DDL)
    run_script(INBOX_RETENTION_DDL)
    run_script(
        """
        CREATE TABLE staff (
            username             TEXT PRIMARY KEY,
            name                 TEXT NOT NULL,
            roles                TEXT[] NOT NULL CHECK (cardinality(roles) > 0),
            password_hash        TEXT NOT NULL,
            status               TEXT NOT NULL DEFAULT 'ACTIVE'
                                 CHECK (status IN ('ACTIVE', 'DISABLED')),
            failed_attempts      INT NOT NULL DEFAULT 0,
            locked_at            TIMESTAMPTZ,
            must_change_password BOOLEAN NOT NULL DEFAULT false,
            last_sign_in_at      TIMESTAMPTZ,
            created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
            updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        -- One row per refresh credential; a refresh rotates it (revoked 'rotated', a new
        -- row in the same family). A rotated credential shown again revokes its family.
        CREATE TABLE sessions (
            id            UUID PRIMARY KEY,
            family        UUID NOT NULL,
            username      TEXT NOT NULL REFERENCES staff (username),
            role          TEXT NOT NULL,
            token_hash    TEXT NOT NULL UNIQUE,
            created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
            expires_at    TIMESTAMPTZ NOT NULL,
            revoked_at    TIMESTAMPTZ,
            revoked_why   TEXT
        );
        CREATE INDEX sessions_live ON sessions (username) WHERE revoked_at IS NULL;
        CREATE INDEX sessions_family ON sessions (family);
        """
    )
