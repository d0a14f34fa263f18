"""Printing: printers and their history, print jobs, blanks on hand, residents, Suket."""


from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(
        """
CREATE TABLE printers (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE,
    model             TEXT NOT NULL,
    driver            TEXT NOT NULL CHECK (driver IN ('pdf', 'cups', 'simulated')),
    location          TEXT NOT NULL,
    queue             TEXT,
    status            TEXT NOT NULL CHECK (status IN ('ONLINE', 'OFFLINE', 'IN_REPAIR', 'BROKEN')),
    status_reason     TEXT NOT NULL DEFAULT '',
    status_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE printer_history (
    id          BIGSERIAL PRIMARY KEY,
    printer_id  TEXT NOT NULL REFERENCES printers(id),
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    kind        TEXT NOT NULL CHECK (kind IN ('REGISTERED', 'STATUS', 'PRINTED', 'SPOILED')),
    from_status TEXT,
    to_status   TEXT,
    reason      TEXT NOT NULL DEFAULT '',
    job_id      TEXT,
    actor       TEXT NOT NULL DEFAULT 'system'
);
CREATE INDEX printer_history_printer ON printer_history (printer_id, at);

CREATE TABLE print_jobs (
    id            TEXT PRIMARY KEY,
    seq           BIGSERIAL NOT NULL UNIQUE,
    nik           TEXT NOT NULL,
    enrollment_id TEXT NOT NULL,
    nama          TEXT NOT NULL,
    kode_desa     TEXT NOT NULL,
    card          JSONB NOT NULL,
    priority      INT NOT NULL DEFAULT 0,
    status        TEXT NOT NULL CHECK (status IN ('QUEUED', 'WAITING_FOR_BLANK', 'PRINTING',
                      'PRINTED', 'SPOILED', 'NEEDS_CHECK', 'ISSUED')),
    printer_id    TEXT REFERENCES printers(id),
    blank_serial  TEXT,
    reprint_of    TEXT REFERENCES print_jobs(id),
    spoil_reason  TEXT,
    detail        TEXT NOT NULL DEFAULT '',
    pdf_path      TEXT,
    preview_path  TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    issued_at     TIMESTAMPTZ,
    handed_to     TEXT,
    relationship  TEXT,
    issued_by     TEXT
);
-- No serial on two jobs, one first job per recording, one reprint per spoiled job.
CREATE UNIQUE INDEX print_jobs_one_serial ON print_jobs (blank_serial)
    WHERE blank_serial IS NOT NULL;
CREATE UNIQUE INDEX print_jobs_one_per_enrollment ON print_jobs (enrollment_id)
    WHERE reprint_of IS NULL;
CREATE UNIQUE INDEX print_jobs_one_reprint ON print_jobs (reprint_of)
    WHERE reprint_of IS NOT NULL;
CREATE INDEX print_jobs_queue ON print_jobs (status, priority DESC, seq);
CREATE INDEX print_jobs_nik ON print_jobs (nik);
CREATE INDEX print_jobs_desa ON print_jobs (kode_desa) WHERE status = 'PRINTED';

CREATE TABLE blanks (
    serial      TEXT PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('ON_HAND', 'USED', 'SPOILED', 'RETURNED')),
    job_id      TEXT REFERENCES print_jobs(id),
    reference   TEXT NOT NULL,
    arrived_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX blanks_one_per_job ON blanks (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX blanks_free ON blanks (serial) WHERE status = 'ON_HAND' AND job_id IS NULL;

CREATE TABLE residents (
    nik           TEXT PRIMARY KEY,
    enrollment_id TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('SENT_FOR_ENROLLMENT', 'PRINT_READY_RECORD')),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE SEQUENCE suket_seq;
CREATE TABLE sukets (
    number      TEXT PRIMARY KEY,
    nik         TEXT NOT NULL,
    nama        TEXT NOT NULL,
    issued_on   DATE NOT NULL,
    valid_until DATE NOT NULL,
    issued_by   TEXT NOT NULL,
    pdf_path    TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sukets_nik ON sukets (nik);

-- One-row latches (e.g. whether blanks_low was already announced).
CREATE TABLE print_room_flags (
    name  TEXT PRIMARY KEY,
    value BOOLEAN NOT NULL
);
"""
    )
