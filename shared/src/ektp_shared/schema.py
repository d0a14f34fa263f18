"""Tables every service has: outbox, inbox, idempotency keys, audit trail.

A service's first migration executes :data:`PLUMBING_DDL`, so the plumbing tables are
versioned with the service's own schema.
"""

PLUMBING_DDL = """
CREATE TABLE outbox (
    id            BIGSERIAL PRIMARY KEY,
    topic         TEXT NOT NULL,
    key           TEXT NOT NULL,
    ce_id         TEXT NOT NULL UNIQUE,
    ce_type       TEXT NOT NULL,
    headers       JSONB NOT NULL,
    payload       BYTEA NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

CREATE TABLE inbox (
    ce_id         TEXT PRIMARY KEY,
    ce_type       TEXT NOT NULL,
    topic         TEXT NOT NULL,
    kafka_partition INT NOT NULL,
    kafka_offset  BIGINT NOT NULL,
    applied_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE idempotency_keys (
    scope         TEXT NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status_code   INT,
    response      TEXT,          -- the first answer's JSON, replayed byte for byte
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

CREATE TABLE audit_log (
    id            BIGSERIAL PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    actor         TEXT NOT NULL,
    role          TEXT NOT NULL,
    action        TEXT NOT NULL,
    target        TEXT,
    request_id    TEXT,
    detail        JSONB NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_target ON audit_log (target);
"""

# Revision 0003: the consumer purges inbox rows by age (ConsumerRunner, purge_inbox).
INBOX_RETENTION_DDL = "CREATE INDEX IF NOT EXISTS inbox_applied_at ON inbox (applied_at);"
INBOX_RETENTION_DROP = "DROP INDEX IF EXISTS inbox_applied_at;"

PLUMBING_DROP = "DROP TABLE audit_log, idempotency_keys, inbox, outbox;"

# Revision 0002 of every service (DESIGN.md section 4): an event Kafka refuses for good is
# held with its reason until an operator releases or drops it (``ektp outbox``); the relay's
# lease row fences a relay whose election lock was lost while it was still publishing.
OUTBOX_HOLD_DDL = """
ALTER TABLE outbox
    ADD COLUMN held_at      TIMESTAMPTZ,
    ADD COLUMN hold_reason  TEXT,
    ADD COLUMN dropped_at   TIMESTAMPTZ,
    ADD COLUMN dropped_by   TEXT,
    ADD COLUMN drop_reason  TEXT;
-- The relay looks up held keys on every batch; held rows are few.
CREATE INDEX outbox_held ON outbox (topic, key, id)
    WHERE held_at IS NOT NULL AND dropped_at IS NULL;
-- A dropped row is kept (never deleted silently) but is no longer waiting.
DROP INDEX outbox_unpublished;
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL AND dropped_at IS NULL;

CREATE TABLE outbox_relay_lease (
    one          BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
    -- Raised by each relay that becomes leader; a stale leader's writes match no row.
    token        BIGINT NOT NULL DEFAULT 0,
    holder       TEXT,
    acquired_at  TIMESTAMPTZ,
    -- Until when the leader may still have sends in flight: a new leader waits for it.
    busy_until   TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);
INSERT INTO outbox_relay_lease DEFAULT VALUES;
"""

OUTBOX_HOLD_DROP = """
DROP TABLE outbox_relay_lease;
DROP INDEX outbox_unpublished;
DROP INDEX outbox_held;
ALTER TABLE outbox DROP COLUMN held_at, DROP COLUMN hold_reason, DROP COLUMN dropped_at,
    DROP COLUMN dropped_by, DROP COLUMN drop_reason;
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
"""


def split_sql(script: str) -> list[str]:
    """Split a SQL script into statements (respecting quotes and $$ bodies): Alembic runs
    migrations over asyncpg prepared statements, which take one command each."""
    statements, current = [], []
    in_quote = in_dollar = False
    i = 0
    while i < len(script):
        ch = script[i]
        if not in_quote and not in_dollar and script.startswith("--", i):
            end = script.find("\n", i)
            i = len(script) if end == -1 else end  # a comment: skipped to the end of line
            continue
        if not in_quote and script.startswith("$$", i):
            in_dollar = not in_dollar
            current.append("$$")
            i += 2
            continue
        if not in_dollar and ch == "'":
            in_quote = not in_quote
        if ch == ";" and not in_quote and not in_dollar:
            stmt = "".join(current).strip()
            if stmt:
                statements.append(stmt)
            current = []
        else:
            current.append(ch)
        i += 1
    tail = "".join(current).strip()
    if tail:
        statements.append(tail)
    return statements


def run_script(script: str) -> None:
    """``op.execute`` each statement of a SQL script; call from a migration's upgrade()."""
    from alembic import op

    for statement in split_sql(script):
        op.execute(statement)
