"""Village sync: each kit record remembered once, field checks held for a decision, and the
conflicts the supervisor decides."""

from ektp_shared.schema import run_script

revision = "0004"
down_revision = "0003"

UP = """
CREATE TABLE kit_records (
    kit_id         TEXT NOT NULL REFERENCES kits (kit_id),
    record_id      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    status         TEXT NOT NULL,
    enrollment_id  UUID,
    field_check_id UUID,
    conflict_id    BIGINT,
    warnings       JSONB NOT NULL DEFAULT '[]',
    received_by    TEXT NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (kit_id, record_id)
);
ALTER TABLE field_checks ADD COLUMN held BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE field_checks ADD COLUMN source_ref TEXT;
CREATE TABLE field_check_conflicts (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL,
    nik         TEXT NOT NULL,
    kode_desa   TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'OPEN',
    opened_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    details     JSONB NOT NULL,
    kit_id      TEXT,
    record_id   TEXT,
    decision    TEXT,
    reason      TEXT,
    decided_by  TEXT,
    decided_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX field_check_conflicts_open_per_nik ON field_check_conflicts (nik, kind)
    WHERE status = 'OPEN' AND kind <> 'RECORDING_AFTER_MENINGGAL';
CREATE UNIQUE INDEX field_check_conflicts_per_record ON field_check_conflicts (kit_id, record_id)
    WHERE kind = 'RECORDING_AFTER_MENINGGAL';
CREATE INDEX field_check_conflicts_by_status ON field_check_conflicts (status, opened_at);
"""

DOWN = """
DROP TABLE field_check_conflicts;
ALTER TABLE field_checks DROP COLUMN source_ref;
ALTER TABLE field_checks DROP COLUMN held;
DROP TABLE kit_records;
"""


def upgrade() -> None:
    run_script(UP)


def downgrade() -> None:
    run_script(DOWN)
