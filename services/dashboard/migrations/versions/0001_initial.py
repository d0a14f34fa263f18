"""The dashboard's read model: residents and their timelines, pre-aggregated counters per
desa and per day, blanks by state, printers by status (DESIGN.md section 2: dashboard)."""

from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None

READ_MODEL = """
CREATE TABLE residents (
    nik            TEXT PRIMARY KEY,
    nama           TEXT,
    kode_desa      TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    status_since   TIMESTAMPTZ NOT NULL,
    on_roster      BOOLEAN NOT NULL DEFAULT false,
    enrollment_id  TEXT,
    field_outcome  TEXT,
    milestones     TEXT[] NOT NULL DEFAULT '{}',
    -- the counters of region_counters this resident adds one to (see domain.resident)
    contributions  TEXT[] NOT NULL DEFAULT '{}',
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- The stuck list: residents waiting in a state nobody closed, oldest first; status included
-- so that the counts by status are an index-only scan.
CREATE INDEX residents_waiting ON residents (status_since) INCLUDE (status)
    WHERE status NOT IN ('CARD_ISSUED', 'DUPLICATE_RECORD', 'PINDAH', 'MENINGGAL',
                         'TIDAK_DITEMUKAN');

CREATE TABLE resident_steps (
    id         BIGSERIAL PRIMARY KEY,
    nik        TEXT NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    ce_id      TEXT NOT NULL,
    detail     JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX resident_steps_nik ON resident_steps (nik, at);

-- Maintained by the event handlers so that GET /progress reads ~2,000 rows, never the
-- residents table.
CREATE TABLE region_counters (
    kode_desa  TEXT NOT NULL,
    metric     TEXT NOT NULL,
    n          BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kode_desa, metric)
);

CREATE TABLE daily_counters (
    day     DATE NOT NULL,
    metric  TEXT NOT NULL,
    n       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day, metric)
);

CREATE TABLE blanks (
    serial      TEXT PRIMARY KEY,
    state       TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE blank_counters (
    state  TEXT PRIMARY KEY,
    n      BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE printers (
    printer_id  TEXT PRIMARY KEY,
    status      TEXT NOT NULL DEFAULT 'ONLINE',
    reason      TEXT NOT NULL DEFAULT '',
    since       TIMESTAMPTZ NOT NULL,
    printed     BIGINT NOT NULL DEFAULT 0,
    spoiled     BIGINT NOT NULL DEFAULT 0
);

-- The latest warning of each kind (inventory.stock_low, printing.blanks_low).
CREATE TABLE alerts (
    kind    TEXT PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    detail  JSONB NOT NULL
);

CREATE TABLE feed (
    id             INT PRIMARY KEY CHECK (id = 1),
    last_event_at  TIMESTAMPTZ,
    events         BIGINT NOT NULL DEFAULT 0
);
INSERT INTO feed (id) VALUES (1);
"""


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(READ_MODEL)
