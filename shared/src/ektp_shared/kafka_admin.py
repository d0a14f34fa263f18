"""The admin requests aiokafka's admin client lacks: SCRAM credentials and ACLs in bulk.

aiokafka has the wire structures of CreateAcls but sends one ACL per request, and none of
AlterUserScramCredentials (KIP-554, API 51, flexible from v0): both are small enough to
write here on top of its protocol classes, sent over the admin client's own connection.
"""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.protocol.admin import (
    CreateAclsRequest_v1,
    DeleteAclsRequest_v1,
    DescribeAclsRequest_v1,
)
from aiokafka.protocol.api import Request, RequestStruct, Response
from aiokafka.protocol.types import (
    CompactArray,
    CompactBytes,
    CompactString,
    Int8,
    Int16,
    Int32,
    Schema,
    TaggedFields,
)

# Kafka's enums (org.apache.kafka.common.acl / resource).
RESOURCE_TYPES = {"topic": 2, "group": 3, "cluster": 4, "transactional_id": 5}
OPERATIONS = {"all": 2, "read": 3, "write": 4, "create": 5, "delete": 6, "alter": 7,
              "describe": 8, "idempotent_write": 12}
PATTERN_LITERAL = 3
PERMISSION_ALLOW = 3
SCRAM_SHA_512 = 2
SCRAM_ITERATIONS = 8192


class KafkaAdminError(RuntimeError):
    """The broker refused an admin request (its error code and message)."""


@dataclass(frozen=True, order=True)
class Acl:
    """One ALLOW rule: ``principal`` may ``operation`` the ``resource_type`` ``name``."""

    principal: str  # "User:ektp-enrollment"
    resource_type: str  # "topic", "group"
    name: str
    operation: str  # "read", "write"


class _AlterUserScramCredentialsResponse_v0(Response):
    API_KEY = 51
    API_VERSION = 0
    SCHEMA = Schema(
        ("throttle_time_ms", Int32),
        ("results", CompactArray(
            ("user", CompactString("utf-8")),
            ("error_code", Int16),
            ("error_message", CompactString("utf-8")),
            ("tags", TaggedFields),
        )),
        ("tags", TaggedFields),
    )


class _AlterUserScramCredentialsRequest_v0(RequestStruct):
    FLEXIBLE_VERSION = True
    API_KEY = 51
    API_VERSION = 0
    RESPONSE_TYPE = _AlterUserScramCredentialsResponse_v0
    SCHEMA = Schema(
        ("deletions", CompactArray(
            ("name", CompactString("utf-8")), ("mechanism", Int8), ("tags", TaggedFields))),
        ("upsertions", CompactArray(
            ("name", CompactString("utf-8")),
            ("mechanism", Int8),
            ("iterations", Int32),
            ("salt", CompactBytes),
            ("salted_password", CompactBytes),
            ("tags", TaggedFields),
        )),
        ("tags", TaggedFields),
    )


class _AlterUserScramCredentials(Request[_AlterUserScramCredentialsRequest_v0]):
    API_KEY = 51

    def __init__(self, upsertions: list[tuple[Any, ...]]) -> None:
        self.upsertions = upsertions

    def build(self, request_struct_class: type[_AlterUserScramCredentialsRequest_v0]
              ) -> _AlterUserScramCredentialsRequest_v0:
        return request_struct_class([], self.upsertions, {})


class _CreateAcls(Request[CreateAclsRequest_v1]):
    API_KEY = 30

    def __init__(self, creations: list[tuple[Any, ...]]) -> None:
        self.creations = creations

    def build(self, request_struct_class: type[CreateAclsRequest_v1]) -> CreateAclsRequest_v1:
        return request_struct_class(self.creations)


class _DeleteAcls(Request[DeleteAclsRequest_v1]):
    API_KEY = 31

    def __init__(self, filters: list[tuple[Any, ...]]) -> None:
        self.filters = filters

    def build(self, request_struct_class: type[DeleteAclsRequest_v1]) -> DeleteAclsRequest_v1:
        return request_struct_class(self.filters)


class _DescribeAcls(Request[DescribeAclsRequest_v1]):
    API_KEY = 29

    def build(self, request_struct_class: type[DescribeAclsRequest_v1]
              ) -> DescribeAclsRequest_v1:
        # Every rule: resource ANY (1), any name, pattern ANY (1), any principal and host,
        # operation ANY (1), permission ANY (1).
        return request_struct_class(1, None, 1, None, None, 1, 1)


def _acl_tuple(acl: Acl) -> tuple[Any, ...]:
    return (RESOURCE_TYPES[acl.resource_type], acl.name, PATTERN_LITERAL, acl.principal, "*",
            OPERATIONS[acl.operation], PERMISSION_ALLOW)


async def upsert_scram_users(admin: AIOKafkaAdminClient, users: dict[str, str]) -> None:
    """Create or update the SCRAM-SHA-512 credential of each user (name -> password).

    The client salts and hashes (RFC 5802 Hi()); the broker never sees the password."""
    if not users:
        return
    upsertions: list[tuple[Any, ...]] = []
    for name, password in sorted(users.items()):
        salt = secrets.token_bytes(32)
        salted = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, SCRAM_ITERATIONS)
        upsertions.append((name, SCRAM_SHA_512, SCRAM_ITERATIONS, salt, salted, {}))
    response = await admin._send_to_controller(_AlterUserScramCredentials(upsertions))
    for user, code, message, _tags in response.results:
        if code:
            raise KafkaAdminError(f"SCRAM credential of {user}: error {code}: {message}")


async def create_acls(admin: AIOKafkaAdminClient, acls: Iterable[Acl]) -> None:
    """Create ALLOW rules (an existing identical rule is left as it is)."""
    creations = [_acl_tuple(a) for a in sorted(set(acls))]
    if not creations:
        return
    response = await admin._send_request(_CreateAcls(creations))
    for code, message in response.creation_responses:
        if code:
            raise KafkaAdminError(f"CreateAcls: error {code}: {message}")


async def describe_acls(admin: AIOKafkaAdminClient) -> set[Acl]:
    """Every ALLOW rule the broker applies now (its own copy of the metadata)."""
    names = {v: k for k, v in RESOURCE_TYPES.items()}
    ops = {v: k for k, v in OPERATIONS.items()}
    response = await admin._send_request(_DescribeAcls())
    if response.error_code:
        raise KafkaAdminError(f"DescribeAcls: error {response.error_code}: "
                              f"{response.error_message}")
    return {Acl(principal, names.get(rtype, str(rtype)), name, ops.get(op, str(op)))
            for rtype, name, pattern, acls in response.resources if pattern == PATTERN_LITERAL
            for principal, _host, op, permission in acls if permission == PERMISSION_ALLOW}


async def wait_for_acls(admin: AIOKafkaAdminClient, acls: Iterable[Acl],
                        timeout: float = 30.0) -> None:
    """Until the broker applies the rules: the controller answers CreateAcls once it has
    committed them, and a broker replays them (and any credential written before) a moment
    later; a client that came in between would be refused."""
    wanted = set(acls)
    deadline = time.monotonic() + timeout
    while not wanted <= await describe_acls(admin):
        if time.monotonic() > deadline:
            raise KafkaAdminError(f"the broker did not apply {len(wanted)} ACLs in {timeout} s")
        await asyncio.sleep(0.1)


async def delete_acls(admin: AIOKafkaAdminClient, acls: Iterable[Acl]) -> None:
    """Delete exactly these rules (tests clean up the rules of their own topics)."""
    filters = [_acl_tuple(a) for a in sorted(set(acls))]
    if not filters:
        return
    response = await admin._send_request(_DeleteAcls(filters))
    for result in response.filter_responses:
        if result[0]:
            raise KafkaAdminError(f"DeleteAcls: error {result[0]}: {result[1]}")
