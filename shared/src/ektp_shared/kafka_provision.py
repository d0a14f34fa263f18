"""The office's topics, principals and ACLs, and the step that provisions them.

Nothing creates a topic by using it (the broker's ``auto.create.topics.enable=false``) and
no service creates one at start: this step does, before the services run (``make topics``,
run by ``make up``; compose's ``provision`` container; the test fixtures). It creates every
topic and its DLQ with their partitions, replication, retention and ``max.message.bytes``,
gives each service's principal its SCRAM credential, and writes the ACLs of
:data:`SERVICE_TOPICS`, the table of DESIGN section 3 (a test holds the two equal).
Running it again changes nothing but what changed (a new password, a longer retention).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from .config import DEFAULT_PARTITIONS, ServiceSettings
from .kafka import KafkaAccess, dlq_topic
from .kafka_admin import Acl, KafkaAdminError, create_acls, upsert_scram_users, wait_for_acls
from .limits import TOPIC_MAX_MESSAGE_BYTES

# The producing services' topic names: ektp.<producer>.events (DESIGN section 3).
PRODUCERS = ("enrollment", "central", "printing", "inventory")
DAY_MS = 24 * 3600 * 1000
TOPIC_ALREADY_EXISTS = 36

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceKafka:
    """What one service does on Kafka (DESIGN section 2): the topic it writes, the topics
    it reads, as one principal."""

    service: str
    writes: str | None
    reads: tuple[str, ...]

    @property
    def principal(self) -> str:
        return f"ektp-{self.service}"

    def group(self, prefix: str = "") -> str:
        """Its consumer group (each service's bootstrap: ``<prefix><service>``)."""
        return f"{prefix}{self.service}"


# Who writes and reads which topic: DESIGN section 2's table, written once.
SERVICE_TOPICS: tuple[ServiceKafka, ...] = (
    ServiceKafka("enrollment", writes="enrollment", reads=("central",)),
    ServiceKafka("sync", writes="central", reads=("enrollment",)),
    ServiceKafka("printing", writes="printing", reads=("central", "inventory")),
    ServiceKafka("inventory", writes="inventory", reads=("printing", "central")),
    ServiceKafka("dashboard", writes=None, reads=PRODUCERS),
    # HTTP only: a principal with no right at all, so a leaked password opens nothing.
    ServiceKafka("central-sim", writes=None, reads=()),
    ServiceKafka("accounts", writes=None, reads=()),
    ServiceKafka("web", writes=None, reads=()),
)


def service_kafka(service: str) -> ServiceKafka:
    for entry in SERVICE_TOPICS:
        if entry.service == service:
            return entry
    raise KeyError(f"no service {service!r} in SERVICE_TOPICS")


def topic_name(producer: str, prefix: str = "") -> str:
    return f"{prefix}ektp.{producer}.events"


def office_topics(prefix: str = "") -> list[str]:
    """Every topic and its DLQ."""
    topics = [topic_name(p, prefix) for p in PRODUCERS]
    return [t for topic in topics for t in (topic, dlq_topic(topic))]


def acl_rules(prefix: str = "", services: Iterable[ServiceKafka] = SERVICE_TOPICS) -> list[Acl]:
    """The ALLOW rules of each principal: WRITE its own topic; READ the topics it consumes
    and WRITE their DLQs (its consumer dead-letters there); READ its consumer group. READ and
    WRITE imply DESCRIBE; WRITE on a topic lets an idempotent producer start (KIP-679)."""
    rules: list[Acl] = []
    for s in services:
        user = f"User:{s.principal}"
        if s.writes:
            rules.append(Acl(user, "topic", topic_name(s.writes, prefix), "write"))
        for read in s.reads:
            topic = topic_name(read, prefix)
            rules.append(Acl(user, "topic", topic, "read"))
            rules.append(Acl(user, "topic", dlq_topic(topic), "write"))
        if s.reads:
            rules.append(Acl(user, "group", s.group(prefix), "read"))
    return rules


@dataclass(frozen=True)
class TopicSettings:
    partitions: int = DEFAULT_PARTITIONS
    replication_factor: int = 1
    # Longer than the longest office closure planned for (DESIGN section 3): 90 days.
    retention_days: int = 90

    def configs(self) -> dict[str, str]:
        return {
            "retention.ms": str(self.retention_days * DAY_MS),
            # The largest event and its framing (ektp_shared.limits), whatever the broker's.
            "max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES),
            # One replica may be lost without refusing writes once there are three.
            "min.insync.replicas": str(max(1, self.replication_factor - 1)),
        }


async def ensure_topics(admin: AIOKafkaAdminClient, topics: Iterable[str],
                        settings: TopicSettings) -> list[str]:
    """Create the missing topics; set the configs of the existing ones. Returns the new."""
    wanted = list(dict.fromkeys(topics))
    existing = set(await admin.list_topics())
    missing = [t for t in wanted if t not in existing]
    configs = settings.configs()
    if missing:
        response = await admin.create_topics([
            NewTopic(name=t, num_partitions=settings.partitions,
                     replication_factor=settings.replication_factor, topic_configs=configs)
            for t in missing])
        for name, code, *message in response.topic_errors:
            if code and code != TOPIC_ALREADY_EXISTS:
                raise KafkaAdminError(f"topic {name}: error {code}: {message}")
    present = [t for t in wanted if t in existing]
    if present:
        await _warn_of_fewer_partitions(admin, present, settings.partitions)
        # AlterConfigs replaces a topic's dynamic configs: these are all the office sets.
        for response in await admin.alter_configs([
                ConfigResource(ConfigResourceType.TOPIC, t, configs) for t in present]):
            for code, message, _type, name in response.resources:
                if code:
                    raise KafkaAdminError(f"configs of topic {name}: error {code}: {message}")
    return missing


async def _warn_of_fewer_partitions(admin: AIOKafkaAdminClient, topics: list[str],
                                    wanted: int) -> None:
    """An existing topic keeps its partitions: adding some moves keys to other partitions,
    so a key's new events could overtake its old ones. Say so; DESIGN section 3 says how."""
    try:
        described = await admin.describe_topics(topics)
    except Exception as exc:  # only a warning: never fail provisioning for it
        log.info("partitions of the existing topics not checked: %s", exc)
        return
    for topic in described:
        have = len(topic.get("partitions") or [])
        if 0 < have < wanted:
            log.warning("topic %s has %d partitions, EKTP_KAFKA_PARTITIONS asks %d: left as "
                        "it is (more instances than partitions stand idle)",
                        topic.get("topic"), have, wanted)


@dataclass
class Provisioned:
    created_topics: list[str]
    topics: list[str]
    users: list[str]
    acls: list[Acl]


async def provision(
    admin_access: KafkaAccess,
    *,
    prefix: str = "",
    passwords: Mapping[str, str] | None = None,
    topics: TopicSettings | None = None,
    extra_topics: Iterable[str] = (),
    services: Iterable[ServiceKafka] = SERVICE_TOPICS,
) -> Provisioned:
    """Topics (with their DLQs), the principals' SCRAM credentials (``passwords``: principal
    -> password; none given: users left as they are) and the ACLs, as the admin."""
    settings = topics or TopicSettings()
    names = [*office_topics(prefix), *extra_topics]
    rules = acl_rules(prefix, services)
    admin = AIOKafkaAdminClient(**admin_access.client_options(), request_timeout_ms=15000)
    await admin.start()
    try:
        created = await ensure_topics(admin, names, settings)
        users = dict(passwords or {})
        await upsert_scram_users(admin, users)
        if admin_access.username is not None:  # a broker without SASL has no authorizer
            await create_acls(admin, rules)
            await wait_for_acls(admin, rules)
    finally:
        await admin.close()
    return Provisioned(created, names, sorted(users), rules)


def service_password_variable(service: str) -> str:
    """The compose env file's variable of a service's password: KAFKA_PASSWORD_CENTRAL_SIM."""
    return "KAFKA_PASSWORD_" + service.upper().replace("-", "_")


def passwords_from_env(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Each principal's password from KAFKA_PASSWORD_<SERVICE> (compose's env file)."""
    missing = [service_password_variable(s.service) for s in SERVICE_TOPICS
               if not environ.get(service_password_variable(s.service))]
    if missing:
        raise KafkaAdminError(f"{', '.join(missing)} not set: run `make secrets`")
    return {s.principal: environ[service_password_variable(s.service)] for s in SERVICE_TOPICS}


def operator_kafka(settings: ServiceSettings) -> KafkaAccess:
    """An engineer's tool's access (provisioning, ``ektp dlq``): EKTP_KAFKA_USERNAME and its
    password when set; otherwise the local broker's admin (``make up``: its password file in
    the state dir, the port devinfra runs it on)."""
    if settings.kafka_username:
        return settings.kafka
    from . import devinfra

    bootstrap = settings.kafka_bootstrap
    if "EKTP_KAFKA_BOOTSTRAP" not in os.environ and "EKTP_KAFKA_PORT" in os.environ:
        bootstrap = f"{devinfra.LOOPBACK}:{os.environ['EKTP_KAFKA_PORT']}"
    return KafkaAccess(bootstrap, devinfra.KAFKA_ADMIN, devinfra.kafka_admin_password())
