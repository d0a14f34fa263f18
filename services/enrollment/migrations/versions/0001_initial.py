"""Enrollment: the shared plumbing tables plus recordings, roster, field checks and kits."""

from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None

TABLES = """
CREATE TABLE enrollments (
    enrollment_id     UUID PRIMARY KEY,
    nik               TEXT NOT NULL,
    nama              TEXT NOT NULL,
    kode_desa         TEXT NOT NULL,
    kode_kecamatan    TEXT NOT NULL,
    demographics      JSONB NOT NULL,
    status            TEXT NOT NULL,
    -- An active recording blocks a second one for the same NIK (see the index below):
    -- failed, duplicate and rejected recordings are not active.
    active            BOOLEAN NOT NULL DEFAULT true,
    -- Only the packet sealed for the centre is kept: never the clear images.
    sealed_packet     TEXT NOT NULL,
    biometric_summary JSONB NOT NULL,
    warnings          JSONB NOT NULL DEFAULT '[]'::jsonb,
    overrides         JSONB NOT NULL DEFAULT '{}'::jsonb,
    source            TEXT NOT NULL DEFAULT 'KANTOR',
    source_ref        TEXT UNIQUE,
    recorded_at       TIMESTAMPTZ NOT NULL,
    recorded_by       TEXT NOT NULL,
    duplicate_of      TEXT,
    last_failure      JSONB,
    status_changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX enrollments_one_active_per_nik ON enrollments (nik) WHERE active;
CREATE INDEX enrollments_by_nik ON enrollments (nik);
CREATE INDEX enrollments_by_status_desa ON enrollments (status, kode_desa);

-- Every verdict received, applied or not (an out-of-order one is kept, not lost).
CREATE TABLE enrollment_history (
    id            BIGSERIAL PRIMARY KEY,
    enrollment_id UUID NOT NULL,
    status        TEXT NOT NULL,
    applied       BOOLEAN NOT NULL,
    ce_id         TEXT,
    detail        JSONB NOT NULL DEFAULT '{}'::jsonb,
    at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX enrollment_history_by_id ON enrollment_history (enrollment_id, id);

CREATE TABLE roster (
    nik             TEXT PRIMARY KEY,
    nama            TEXT NOT NULL,
    kode_desa       TEXT NOT NULL,
    kode_kecamatan  TEXT NOT NULL,
    tanggal_lahir   DATE NOT NULL,
    jenis_kelamin   TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'BELUM_REKAM',
    last_check      TEXT,
    last_checked_at TIMESTAMPTZ,
    source          TEXT NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX roster_by_place ON roster (kode_kecamatan, kode_desa, status);
CREATE INDEX roster_by_birth ON roster (tanggal_lahir);

CREATE TABLE visit_schedule (
    id          BIGSERIAL PRIMARY KEY,
    kode_desa   TEXT NOT NULL,
    tanggal     DATE NOT NULL,
    officer     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kode_desa, tanggal, officer)
);

CREATE TABLE field_checks (
    id          UUID PRIMARY KEY,
    nik         TEXT NOT NULL,
    kode_desa   TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    officer     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    checked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX field_checks_by_nik ON field_checks (nik);

CREATE TABLE kits (
    kit_id         TEXT PRIMARY KEY,
    public_key     TEXT NOT NULL UNIQUE,
    label          TEXT NOT NULL DEFAULT '',
    registered_by  TEXT NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
"""


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(TABLES)
