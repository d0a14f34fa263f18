"""Sync: submissions to the centre and their retry state, field-check reports, roster cursor,
the centre link's last known state."""

from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(
        """
        CREATE TABLE submissions (
            enrollment_id   TEXT PRIMARY KEY,
            nik             TEXT NOT NULL,
            -- arrival order: the recordings of one resident go to the centre in this order
            seq             BIGSERIAL UNIQUE,
            packet          JSONB NOT NULL,
            state           TEXT NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING',
                                'SENT_FOR_ENROLLMENT', 'PRINT_READY_RECORD', 'DUPLICATE_RECORD',
                                'FAILED', 'CANCELLED')),
            attempts        INT NOT NULL DEFAULT 0,
            next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            next_poll_at    TIMESTAMPTZ,
            failure_reason  TEXT,
            retryable       BOOLEAN,
            duplicate_of    TEXT,
            last_error      TEXT,
            created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
            submitted_at    TIMESTAMPTZ,
            decided_at      TIMESTAMPTZ,
            updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX submissions_due ON submissions (seq) WHERE state = 'PENDING';
        CREATE INDEX submissions_polls ON submissions (next_poll_at)
            WHERE state = 'SENT_FOR_ENROLLMENT';
        CREATE INDEX submissions_nik ON submissions (nik, seq);
        CREATE INDEX submissions_state ON submissions (state, seq);

        -- Field checks the centre must hear of (PINDAH, MENINGGAL).
        CREATE TABLE population_reports (
            update_id       TEXT PRIMARY KEY,
            nik             TEXT NOT NULL,
            status          TEXT NOT NULL,
            note            TEXT NOT NULL DEFAULT '',
            seq             BIGSERIAL UNIQUE,
            sent_at         TIMESTAMPTZ,
            attempts        INT NOT NULL DEFAULT 0,
            next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            last_error      TEXT,
            created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX population_reports_unsent ON population_reports (seq) WHERE sent_at IS NULL;

        CREATE TABLE roster_cursor (
            kabupaten       TEXT PRIMARY KEY,
            cursor          TEXT NOT NULL DEFAULT '',
            entries_total   BIGINT NOT NULL DEFAULT 0,
            last_pulled_at  TIMESTAMPTZ
        );

        -- One row: what the status page shows about the link after a restart.
        CREATE TABLE centre_link (
            id              INT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
            last_success_at TIMESTAMPTZ,
            outage_since    TIMESTAMPTZ,
            last_error      TEXT
        );
        INSERT INTO centre_link (id) VALUES (1);
        """
    )
