"""The provincial dashboard (EKTP_DASHBOARD_MODE=province): every office's topics, one read
model per kabupaten, and the province as their sum (DESIGN section 2: dashboard).

Each office's events land in a schema of their own (``kab_7174``) holding the very tables
of the office's dashboard (migration 0001's read model), written by the very handlers with
that schema first on the search path. A kabupaten's figures are therefore computed by the
same code from the same events as that office's own dashboard, and cannot drift from it;
the province's figures are their sum. The inbox stays in ``public``: one for all offices.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import asyncpg

from ektp_shared import wilayah
from ektp_shared.config import dsn_user
from ektp_shared.consumer import Handler
from ektp_shared.db import Connection
from ektp_shared.envelope import CloudEvent
from ektp_shared.events import EventData
from ektp_shared.kafka_provision import PRODUCERS, topic_name
from ektp_shared.office import Office, office_for, topic_tag

from . import views
from .config import Settings
from .handlers import EventHandlers

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def schema_of(kode_kabupaten: str) -> str:
    """``71.74`` -> ``kab_7174``: the schema of that kabupaten's read model."""
    return "kab_" + wilayah.normalise_kabupaten_code(kode_kabupaten).replace(".", "")


def office_prefix(settings: Settings, kode_kabupaten: str) -> str:
    """Where an office's topics are on the shared cluster: ``<topic_base>71-74.``."""
    return settings.topic_base + topic_tag(kode_kabupaten)


def province_tag(settings: Settings) -> str:
    """``province-71.``: what the provincial dashboard's own group and principal carry."""
    return f"province-{settings.offices[0][:2]}."


def group_id(settings: Settings) -> str:
    return f"{settings.topic_base}{province_tag(settings)}dashboard"


def topics_of(settings: Settings) -> dict[str, str]:
    """Every office's topics: topic name -> kabupaten code."""
    return {topic_name(p, office_prefix(settings, kode)): kode
            for kode in settings.offices for p in PRODUCERS}


@cache
def read_model_ddl() -> str:
    """Migration 0001's read model, as it is (the office's dashboard's tables)."""
    path = MIGRATIONS / "versions" / "0001_initial.py"
    spec = importlib.util.spec_from_file_location("ektp_dashboard_0001", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ddl: str = module.READ_MODEL
    return ddl


async def prepare(settings: Settings) -> None:
    """Make each office's read model (once; an office added later gets its own at the next
    start), as the migrations' role, and let the service's role use it."""
    runtime_role = settings.database_role
    conn = await asyncpg.connect(settings.migration_dsn)
    try:
        for kode in settings.offices:
            schema = schema_of(kode)
            async with conn.transaction():
                # Two instances starting at once: one makes it, the other finds it made.
                await conn.execute("SELECT pg_advisory_xact_lock(hashtext($1))", schema)
                if await conn.fetchval("SELECT to_regclass($1)", f"{schema}.residents") is None:
                    await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
                    await conn.execute(f"SET LOCAL search_path TO {schema}")
                    await conn.execute(read_model_ddl())
                if runtime_role and runtime_role != dsn_user(settings.migration_dsn):
                    role = '"' + runtime_role.replace('"', '""') + '"'
                    await conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
                    await conn.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES "
                                       f"IN SCHEMA {schema} TO {role}")
                    await conn.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "
                                       f"{schema} TO {role}")
    finally:
        await conn.close()


async def use_kabupaten(conn: Connection, kode_kabupaten: str) -> None:
    """Point this transaction's unqualified table names at one kabupaten's read model (the
    inbox and the rest of the plumbing stay in public)."""
    await conn.execute(f"SET LOCAL search_path TO {schema_of(kode_kabupaten)}, public")


def _in_schema(kode: str, handler: Handler) -> Handler:
    async def apply(conn: Connection, event: CloudEvent, data: EventData) -> None:
        await use_kabupaten(conn, kode)
        await handler(conn, event, data)

    return apply


def topic_handlers(settings: Settings) -> dict[str, Mapping[str, Handler]]:
    """For each office's topics, the office dashboard's handlers, writing into that
    kabupaten's read model and counting its days in its own time zone."""
    tables: dict[str, dict[str, Handler]] = {}
    for kode in settings.offices:
        office = office_for(kode)
        own = EventHandlers(settings, timezone=office.timezone).table()
        tables[kode] = {ce_type: _in_schema(kode, h) for ce_type, h in own.items()}
    return {topic: tables[kode] for topic, kode in topics_of(settings).items()}


async def figures(conn: Connection, settings: Settings, *,
                  now: dt.datetime | None = None) -> dict[str, Any]:
    """Each kabupaten as its own dashboard shows it (GET /progress without the live
    figures), and the province: their sums. Run in one read-only snapshot."""
    offices = [office_for(kode) for kode in settings.offices]
    kabupaten: list[dict[str, Any]] = []
    for office in offices:
        async with conn.transaction():
            await use_kabupaten(conn, office.kode)
            body = await views.progress_figures(
                conn, settings, today=views.office_today(settings, now, office), office=office)
        kabupaten.append(_kabupaten_entry(office, body))
    provinsi = offices[0].provinsi
    return {"provinsi": {"kode": provinsi.kode, "nama": provinsi.nama},
            "kabupaten": kabupaten, "total": province_total(kabupaten)}


def _kabupaten_entry(office: Office, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "kode": office.kode, "nama": office.nama,
        "as_of": body["as_of"], "events_applied": body["events_applied"],
        "figures": body["kabupaten"], "rates": body["rates"],
        "blanks": body["blanks"], "forecast": body["forecast"],
    }


def province_total(kabupaten: list[dict[str, Any]]) -> dict[str, Any]:
    """The province: every count of the kabupaten's figures summed (by status and field
    outcome too), with how many kabupaten finish on time and the cards and blanks they
    need together."""
    total: dict[str, Any] = {}
    for k in kabupaten:
        for name, value in k["figures"].items():
            if isinstance(value, bool) or name in ("kode", "nama"):
                continue
            if isinstance(value, int):
                total[name] = total.get(name, 0) + value
            elif isinstance(value, dict):
                part = total.setdefault(name, {})
                for key, n in value.items():
                    part[key] = part.get(key, 0) + int(n)
    current = [k["forecast"]["current"] for k in kabupaten]
    total["kabupaten"] = len(kabupaten)
    total["kabupaten_on_time"] = sum(1 for c in current if c["on_time"])
    total["cards_needed"] = sum(int(c["cards_needed"]) for c in current)
    total["blank_shortfall"] = sum(int(c["blank_shortfall"]) for c in current)
    total["blanks_available"] = sum(int(k["blanks"]["available"]) for k in kabupaten)
    return total
