"""Inventory: one row per serial with its state, an append-only movements table, the
documents behind the movements (receipts, issues, returns, destructions, counts), the
exceptions list and the print backlog."""

from alembic import op

from ektp_shared.schema import PLUMBING_DDL, run_script

revision = "0001"
down_revision = None

STATES = "'IN_STORE','ISSUED','USED','SPOILED','DESTROYED','RETURNED','ADJUSTED'"


def upgrade() -> None:
    run_script(PLUMBING_DDL)
    run_script(f"""
    CREATE TABLE blanks (
        serial          TEXT PRIMARY KEY,
        state           TEXT NOT NULL CHECK (state IN ({STATES})),
        batch_reference TEXT NOT NULL,
        received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    -- picking the lowest serials in store, and counting by state
    CREATE INDEX blanks_state_serial ON blanks (state, serial);

    CREATE TABLE movements (
        id          BIGSERIAL PRIMARY KEY,
        serial      TEXT NOT NULL REFERENCES blanks (serial),
        kind        TEXT NOT NULL,
        from_state  TEXT,
        to_state    TEXT NOT NULL,
        reference   TEXT NOT NULL,
        actor       TEXT NOT NULL,
        at          TIMESTAMPTZ NOT NULL DEFAULT now(),
        detail      JSONB
    );
    CREATE INDEX movements_serial ON movements (serial, id);
    -- the reconciliation report counts movements per day and kind (index-only scan)
    CREATE INDEX movements_at_kind ON movements (at, kind);

    CREATE TABLE receipts (
        batch_reference TEXT PRIMARY KEY,
        letter_number   TEXT NOT NULL,
        letter_date     DATE NOT NULL,
        quantity        INT NOT NULL,
        received_by     TEXT NOT NULL,
        note            TEXT NOT NULL DEFAULT '',
        at              TIMESTAMPTZ NOT NULL DEFAULT now()
    );

    CREATE TABLE issues (
        reference   TEXT PRIMARY KEY,
        automatic   BOOLEAN NOT NULL,
        quantity    INT NOT NULL,
        requested   INT,
        issued_by   TEXT NOT NULL,
        trigger     JSONB,
        at          TIMESTAMPTZ NOT NULL DEFAULT now()
    );

    CREATE TABLE returns (
        reference      TEXT PRIMARY KEY,
        returned_from  TEXT NOT NULL,
        returned_to    TEXT NOT NULL,
        quantity       INT NOT NULL,
        letter_number  TEXT,
        reason         TEXT NOT NULL DEFAULT '',
        returned_by    TEXT NOT NULL,
        at             TIMESTAMPTZ NOT NULL DEFAULT now()
    );

    CREATE TABLE destructions (
        reference     TEXT PRIMARY KEY,
        destroyed_on  DATE NOT NULL,
        place         TEXT NOT NULL,
        method        TEXT NOT NULL,
        witnesses     JSONB NOT NULL,
        serials       TEXT[] NOT NULL,
        recorded_by   TEXT NOT NULL,
        at            TIMESTAMPTZ NOT NULL DEFAULT now()
    );

    CREATE TABLE stock_counts (
        id            BIGSERIAL PRIMARY KEY,
        location      TEXT NOT NULL,
        by_serial     BOOLEAN NOT NULL,
        counted       TEXT[],
        quantity      INT NOT NULL,
        discrepancy   JSONB NOT NULL,
        status        TEXT NOT NULL
                      CHECK (status IN ('MATCHED','PENDING_APPROVAL','APPROVED','REJECTED',
                                        'RECORDED')),
        counted_by    TEXT NOT NULL,
        counted_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
        decided_by    TEXT,
        decided_at    TIMESTAMPTZ,
        decision_note TEXT
    );

    -- Events the ledger could not apply: the storekeeper's list. One row per event and
    -- serial, so a redelivery cannot list it twice.
    CREATE TABLE ledger_exceptions (
        id           BIGSERIAL PRIMARY KEY,
        ce_id        TEXT NOT NULL,
        ce_type      TEXT NOT NULL,
        serial       TEXT NOT NULL,
        state_found  TEXT,
        reason       TEXT NOT NULL,
        detail       JSONB NOT NULL DEFAULT '{{}}'::jsonb,
        at           TIMESTAMPTZ NOT NULL DEFAULT now(),
        resolved_at  TIMESTAMPTZ,
        resolved_by  TEXT,
        resolution   TEXT,
        UNIQUE (ce_id, serial)
    );
    CREATE INDEX ledger_exceptions_open ON ledger_exceptions (id) WHERE resolved_at IS NULL;

    -- Residents whose card data is ready (central.print_ready) and not yet printed.
    CREATE TABLE print_backlog (
        nik        TEXT PRIMARY KEY,
        ready_at   TIMESTAMPTZ,
        printed_at TIMESTAMPTZ
    );
    CREATE INDEX print_backlog_waiting ON print_backlog (nik)
        WHERE ready_at IS NOT NULL AND printed_at IS NULL;

    -- The last stock_low published, so alerts come when things change, not on every check.
    CREATE TABLE stock_alerts (
        id           BIGSERIAL PRIMARY KEY,
        in_store     INT NOT NULL,
        shortfall    INT NOT NULL,
        low          BOOLEAN NOT NULL,  -- false: stock recovered, the next low alerts again
        detail       JSONB NOT NULL,
        at           TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    """)


def downgrade() -> None:
    op.execute(
        "DROP TABLE stock_alerts, print_backlog, ledger_exceptions, stock_counts, destructions,"
        " returns, issues, receipts, movements, blanks"
    )
