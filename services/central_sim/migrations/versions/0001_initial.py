"""The simulated centre's state: submissions, fingerprint owners, population, counters."""

from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(
        """
        CREATE TABLE sim_submissions (
            enrollment_id     TEXT PRIMARY KEY,
            nik               TEXT NOT NULL,
            received_seq      BIGSERIAL UNIQUE,
            times_received    INT NOT NULL DEFAULT 1,
            fingerprint_digest TEXT,
            card              JSONB,
            received_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
            verdict_due_at    TIMESTAMPTZ NOT NULL,
            verdict           TEXT NOT NULL,
            duplicate_of      TEXT,
            reason            TEXT
        );
        CREATE INDEX sim_submissions_nik ON sim_submissions (nik, received_seq);

        -- The first NIK whose fingerprints the centre saw owns them.
        CREATE TABLE sim_fingerprints (
            digest   TEXT PRIMARY KEY,
            nik      TEXT NOT NULL
        );

        CREATE TABLE sim_population (
            seq              BIGSERIAL PRIMARY KEY,
            nik              TEXT NOT NULL UNIQUE,
            nama             TEXT NOT NULL,
            kode_desa        TEXT NOT NULL,
            tanggal_lahir    DATE NOT NULL,
            jenis_kelamin    TEXT NOT NULL,
            status_perkawinan TEXT NOT NULL,
            punya_ektp       BOOLEAN NOT NULL,
            status           TEXT NOT NULL DEFAULT 'AKTIF',
            updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        CREATE TABLE sim_population_updates (
            update_id   TEXT PRIMARY KEY,
            nik         TEXT NOT NULL,
            status      TEXT NOT NULL,
            note        TEXT NOT NULL DEFAULT '',
            received_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        CREATE TABLE sim_counters (
            name  TEXT PRIMARY KEY,
            value BIGINT NOT NULL DEFAULT 0
        );
        """
    )
