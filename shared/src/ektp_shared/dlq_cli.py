"""``ektp dlq list|show|replay``: the messages consumers set aside, and putting them back.

Every topic has a DLQ, ``<topic>.dlq``, shared by the groups that read the topic (the
``dlq_consumer_group`` header says whose consumer failed). A replay publishes the original
message again (value, key, headers without the ``dlq_`` ones) to its original topic: it
keeps its ``ce_id``, so every group whose inbox already holds it skips it, and replaying
twice applies once. Each replay is audited in the database of the service whose consumer
failed (``--service`` or ``--database-url``). It reads the DLQs and writes every topic, so it
connects as an engineer's principal (EKTP_KAFKA_USERNAME/PASSWORD; under ``make up`` the local
admin by default), never as a service's.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import time
from dataclasses import dataclass
from typing import Annotated, Any

import typer
from aiokafka import AIOKafkaConsumer, TopicPartition

from . import audit
from .auth import Principal
from .config import ServiceSettings
from .db import create_pool
from .kafka import KafkaAccess, dlq_topic, make_producer
from .kafka_provision import PRODUCERS, operator_kafka
from .logging import mask_nik

dlq_app = typer.Typer(help="Dead-lettered messages: list, show, replay.", no_args_is_help=True)

READ_TIMEOUT = 30.0
# Fields of a payload longer than this are summarised by `show` (photos, sealed packets).
SHOWN_CHARS = 120


@dataclass
class DeadLetter:
    topic: str  # the DLQ
    partition: int
    offset: int
    timestamp_ms: int
    key: bytes | None
    value: bytes | None
    headers: list[tuple[str, bytes]]

    @property
    def ref(self) -> str:
        return f"{self.partition}:{self.offset}"

    def header(self, name: str) -> str:
        for key, value in self.headers:
            if key == name:
                return value.decode(errors="replace")
        return ""

    @property
    def original_headers(self) -> list[tuple[str, bytes]]:
        return [(k, v) for k, v in self.headers if not k.startswith("dlq_")]

    @property
    def when(self) -> str:
        moment = dt.datetime.fromtimestamp(self.timestamp_ms / 1000, dt.UTC)
        return moment.isoformat(timespec="seconds")


def resolve_dlq(name: str, settings: ServiceSettings) -> str:
    """``enrollment`` -> ``<prefix>ektp.enrollment.events.dlq``; full names pass through."""
    if name in PRODUCERS:
        return dlq_topic(settings.topic(name))
    return name if name.endswith(".dlq") else dlq_topic(name)


def parse_ref(ref: str) -> tuple[int, int]:
    partition, sep, offset = ref.partition(":")
    if not sep or not partition.isdigit() or not offset.isdigit():
        raise typer.BadParameter(f"{ref!r}: a message is PARTITION:OFFSET, e.g. 0:12")
    return int(partition), int(offset)


async def read_dead_letters(
    kafka: KafkaAccess, topic: str, wanted: set[tuple[int, int]] | None = None
) -> list[DeadLetter]:
    """Every message of the DLQ (or only ``wanted`` ones), up to its end as of now."""
    consumer = AIOKafkaConsumer(**kafka.client_options(), enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topic)
        if partitions is None:
            await consumer._client.force_metadata_update()
            partitions = consumer.partitions_for_topic(topic)
        if not partitions:
            return []
        tps = [TopicPartition(topic, p) for p in sorted(partitions)
               if wanted is None or any(w[0] == p for w in wanted)]
        if not tps:
            return []
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        for tp in tps:
            firsts = [o for p, o in wanted or () if p == tp.partition]
            if firsts:
                consumer.seek(tp, min(firsts))
            else:
                await consumer.seek_to_beginning(tp)
        out: list[DeadLetter] = []
        deadline = time.monotonic() + READ_TIMEOUT
        while time.monotonic() < deadline:
            left = [tp for tp in tps if await consumer.position(tp) < ends[tp]]
            if not left or (wanted is not None and len(out) == len(wanted)):
                break
            batches = await consumer.getmany(*left, timeout_ms=300)
            for tp, records in batches.items():
                for r in records:
                    if r.offset >= ends[tp]:
                        continue
                    if wanted is None or (r.partition, r.offset) in wanted:
                        out.append(DeadLetter(topic, r.partition, r.offset, r.timestamp,
                                              r.key, r.value, list(r.headers)))
        return sorted(out, key=lambda d: (d.partition, d.offset))
    finally:
        await consumer.stop()


def _summary(value: Any) -> Any:
    """The payload with NIKs masked and long fields (photos, sealed packets) summarised."""
    if isinstance(value, dict):
        return {k: _summary(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_summary(v) for v in value]
    if isinstance(value, str):
        return f"<{len(value)} characters>" if len(value) > SHOWN_CHARS else mask_nik(value)
    return value


def describe(letter: DeadLetter) -> str:
    """`ektp dlq show`: the headers and a summary of the payload, NIKs masked."""
    lines = [f"{letter.topic} {letter.ref}  dead-lettered {letter.when}", "headers:"]
    trace = ""
    for key, value in letter.headers:
        text = mask_nik(value.decode(errors="replace"))
        if key == "dlq_trace":
            trace = text
        else:
            lines.append(f"  {key}: {text}")
    lines.append(f"key: {mask_nik((letter.key or b'').decode(errors='replace'))}")
    try:
        payload: Any = _summary(json.loads(letter.value or b""))
        lines.append("payload:")
        lines.extend("  " + line for line in json.dumps(payload, indent=2).splitlines())
    except ValueError:
        lines.append(f"payload: {len(letter.value or b'')} bytes, not JSON")
    if trace:
        lines.append("trace:")
        lines.extend("  " + line for line in trace.splitlines())
    return "\n".join(lines)


def _list_line(d: DeadLetter) -> str:
    origin = (f"{d.header('dlq_original_topic')}[{d.header('dlq_original_partition')}]"
              f"@{d.header('dlq_original_offset')}")
    error = mask_nik(d.header("dlq_error")).replace("\n", " ")[:100]
    return "  ".join([d.topic, d.ref, d.when, origin, d.header("dlq_reason") or "-",
                      d.header("dlq_consumer_group") or "-", d.header("ce_type") or "-",
                      d.header("ce_id") or "-", error])


TopicArg = Annotated[str, typer.Argument(
    help=f"A producer ({', '.join(PRODUCERS)}), a topic or its DLQ")]


@dlq_app.command("list")
def dlq_list(
    topics: Annotated[list[str] | None, typer.Argument(
        help="Producers or topics (default: the four topics)")] = None,
    group: Annotated[str | None, typer.Option(help="Only this consumer group's")] = None,
) -> None:
    """One line per dead-lettered message: its DLQ position (for show and replay), when,
    the original topic, partition and offset, reason, consumer group, type, ce_id and error."""
    s = ServiceSettings()
    names = [resolve_dlq(t, s) for t in (topics or PRODUCERS)]
    count = 0
    for name in names:
        for letter in asyncio.run(read_dead_letters(operator_kafka(s), name)):
            if group is None or letter.header("dlq_consumer_group") == group:
                typer.echo(_list_line(letter))
                count += 1
    typer.echo(f"{count} dead-lettered message(s)", err=True)


@dlq_app.command("show")
def dlq_show(topic: TopicArg, ref: Annotated[str, typer.Argument(help="PARTITION:OFFSET")]) -> None:
    """One dead-lettered message: its headers, payload summary and trace, NIKs masked."""
    s = ServiceSettings()
    found = asyncio.run(read_dead_letters(operator_kafka(s), resolve_dlq(topic, s),
                                          {parse_ref(ref)}))
    if not found:
        typer.echo(f"no message {ref} in {resolve_dlq(topic, s)}", err=True)
        raise typer.Exit(1)
    typer.echo(describe(found[0]))


async def _replay(
    kafka: KafkaAccess, letters: list[DeadLetter], dsn: str, principal: Principal
) -> list[str]:
    lines = []
    pool = await create_pool(dsn, min_size=1, max_size=1, attempts=3)
    producer = make_producer(kafka, "ektp-dlq-replay")
    await producer.start()
    conn = await pool.acquire()
    try:
        for d in letters:
            original = d.header("dlq_original_topic")
            ce_id = d.header("ce_id")
            seen = ce_id and await conn.fetchval("SELECT true FROM inbox WHERE ce_id=$1", ce_id)
            # Audit row and publication together: a refused send leaves no audit row.
            async with conn.transaction():
                sent = await producer.send_and_wait(
                    original, value=d.value, key=d.key, headers=d.original_headers
                )
                await audit.record(conn, principal, "dlq.replay",
                                   target=d.header("ce_subject") or ce_id or None, detail={
                    "ce_id": ce_id, "ce_type": d.header("ce_type"), "dlq_topic": d.topic,
                    "dlq_partition": d.partition, "dlq_offset": d.offset,
                    "dlq_reason": d.header("dlq_reason"),
                    "consumer_group": d.header("dlq_consumer_group"),
                    "original": f"{original}[{d.header('dlq_original_partition')}]"
                                f"@{d.header('dlq_original_offset')}",
                    "replayed_to": f"{sent.topic}[{sent.partition}]@{sent.offset}",
                })
            note = "  (already applied here: its consumer will skip it)" if seen else ""
            lines.append(f"replayed {d.topic} {d.ref} ({ce_id or 'no ce_id'}) to "
                         f"{sent.topic}[{sent.partition}]@{sent.offset}{note}")
    finally:
        await pool.release(conn)
        await pool.close()
        await producer.stop()
    return lines


@dlq_app.command("replay")
def dlq_replay(
    topic: TopicArg,
    refs: Annotated[list[str] | None, typer.Argument(help="PARTITION:OFFSET ...")] = None,
    by: Annotated[str, typer.Option("--by", help="Who replays (for the audit trail)")] = "",
    service: Annotated[str | None, typer.Option(
        help="The service whose consumer failed (its database ektp_<service> gets the audit "
             "row)")] = None,
    database_url: Annotated[str | None, typer.Option(
        help="That service's database, instead of --service")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every message of the DLQ "
                                       "(with --group: that group's)")] = False,
    group: Annotated[str | None, typer.Option(help="With --all: only this group's")] = None,
) -> None:
    """Publish dead-lettered messages again to their original topic, same ce_id (so one
    already applied is skipped by the inbox), and audit each replay."""
    if not by.strip():
        typer.echo("--by NAME is required: who replays, for the audit trail", err=True)
        raise typer.Exit(2)
    if not (service or database_url):
        typer.echo("--service or --database-url is required: the database of the service "
                   "whose consumer failed keeps the audit row", err=True)
        raise typer.Exit(2)
    if bool(refs) == all_:
        typer.echo("give PARTITION:OFFSET references or --all (not both)", err=True)
        raise typer.Exit(2)
    s = ServiceSettings()
    # The local stack's layout (stack.Service.database): one database per service.
    dsn = database_url or (s.database_url.rpartition("/")[0] + "/ektp_"
                           + (service or "").replace("-", "_"))
    name = resolve_dlq(topic, s)
    wanted = None if all_ else {parse_ref(r) for r in refs or ()}
    letters = asyncio.run(read_dead_letters(operator_kafka(s), name, wanted))
    if all_ and group is not None:
        letters = [d for d in letters if d.header("dlq_consumer_group") == group]
    missing = (wanted or set()) - {(d.partition, d.offset) for d in letters}
    if missing:
        refs_missing = ", ".join(f"{p}:{o}" for p, o in sorted(missing))
        typer.echo(f"no message {refs_missing} in {name}; nothing replayed", err=True)
        raise typer.Exit(1)
    unroutable = [d.ref for d in letters if not d.header("dlq_original_topic")]
    if unroutable:
        typer.echo(f"{', '.join(unroutable)}: no dlq_original_topic header; nothing replayed",
                   err=True)
        raise typer.Exit(1)
    principal = Principal(user=by.strip(), role="admin")
    for line in asyncio.run(_replay(operator_kafka(s), letters, dsn, principal)):
        typer.echo(line)
