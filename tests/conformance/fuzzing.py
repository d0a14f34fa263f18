"""Schemathesis against one running service: generated requests (schema-valid and
schema-invalid), each with a token of a role the access table lets through, every answer
checked. Shared by the conformance test (``make test``) and ``make fuzz`` (more cases)."""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from routes import DOCS, allowed_roles, rule_for, rules
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]
# make test: 300 per service; make fuzz sets more (EKTP_CONFORMANCE_CASES)
CASES = int(os.environ.get("EKTP_CONFORMANCE_CASES", "300"))
SEED = int(os.environ.get("EKTP_CONFORMANCE_SEED", "20261231"))
TIMEOUT = 15.0
# A generated population of up to 100,000 residents takes the simulator seconds each (it
# is the size of a regency): the run caps it, the rest of the body stays generated.
POPULATION_CAP = 300


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: Any, value: Any) -> bytes:
    import json

    # enrollment's kit import: one JSON document per line (the schema leaves lines free)
    lines = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(line) for line in lines).encode()


@dataclass
class Tally:
    service: str
    cases: int = 0
    by_status: dict[int, int] = field(default_factory=dict)
    failures: dict[tuple[str, str], str] = field(default_factory=dict)
    slowest: tuple[float, str] = (0.0, "")
    # schema-valid cases refused at the door (401/403): their token was wrong
    valid: int = 0
    valid_refused: int = 0

    def summary(self) -> str:
        statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.by_status.items()))
        return (f"{self.service}: {self.cases} cases ({statuses}; {self.valid} schema-valid, "
                f"{self.valid_refused} of them 401/403); {len(self.failures)} "
                f"failure(s); slowest {self.slowest[0]:.2f} s {self.slowest[1]}")


def label(case: Any) -> str:
    return f"{case.operation.method.upper()} {case.operation.path}"


def record(tally: Tally, case: Any, call: Callable[[], Any], public: bool = False) -> None:
    """Send the case, check its answer, keep one report per operation and failure kind.
    ``public``: the route takes no token (a sign-in), so its 401 judges the credentials in
    the body, not the token sent."""
    started = time.monotonic()
    try:
        response = call()
    except (requests.Timeout, requests.ConnectionError) as exc:
        tally.failures.setdefault((label(case), type(exc).__name__),
                                  f"{type(exc).__name__}: {exc}")
        tally.cases += 1
        return
    took = time.monotonic() - started
    tally.cases += 1
    tally.by_status[response.status_code] = tally.by_status.get(response.status_code, 0) + 1
    tally.slowest = max(tally.slowest, (took, label(case)))
    if case.meta is not None and not case.meta.generation.mode.is_negative:
        tally.valid += 1
        tally.valid_refused += not public and response.status_code in (401, 403)
    try:
        case.validate_response(response, checks=CHECKS)
    except BaseExceptionGroup as group:
        for failure in group.exceptions:
            title = getattr(failure, "title", type(failure).__name__)
            tally.failures.setdefault(
                (label(case), title),
                f"{response.status_code} {title}: {getattr(failure, 'message', failure)}\n"
                f"    {case.as_curl_command()}")
    except AssertionError as exc:
        tally.failures.setdefault((label(case), type(exc).__name__),
                                  f"{response.status_code}: {exc}\n    {case.as_curl_command()}")


class Service:
    """One service's schema, its base URL, and the token each operation is called with."""

    def __init__(self, name: str, url: str, tokens: dict[str, str]) -> None:
        self.name, self.url, self.tokens = name, url, tokens
        self.schema = schemathesis.openapi.from_path(DOCS / f"{name}.json",
                                                     config=schemathesis.Config())
        self.schema.config.update(base_url=url)
        table = rules()
        self.roles: dict[tuple[str, str], list[str]] = {}
        self.public: set[tuple[str, str]] = set()
        for result in self.schema.get_all_operations():
            op = result.ok()
            rule = rule_for(table, name, op.method.upper(), op.path)
            assert rule is not None, f"{name} {op.method.upper()} {op.path}: no access rule"
            self.roles[(op.method.upper(), op.path)] = allowed_roles(rule)
            if rule.verdicts["no token"] != "deny":
                self.public.add((op.method.upper(), op.path))
        self.turn = 0

    def operations(self) -> list[Any]:
        return [r.ok() for r in self.schema.get_all_operations()]

    def headers(self, case: Any) -> dict[str, str]:
        """A token of a role the table allows, the allowed roles taken in turn."""
        roles = self.roles[(case.operation.method.upper(), case.operation.path)]
        self.turn += 1
        if not roles:
            return {}
        return {"Authorization": f"Bearer {self.tokens[roles[self.turn % len(roles)]]}"}

    def send(self, case: Any) -> Any:
        if (self.name, label(case)) == ("central-sim", "POST /control/population") \
                and isinstance(case.body, dict):
            size = case.body.get("size", POPULATION_CAP)  # absent: the regency's 91,344
            if isinstance(size, int) and not isinstance(size, bool):
                case.body["size"] = min(size, POPULATION_CAP)
        try:
            return case.call(headers=self.headers(case), timeout=TIMEOUT)
        finally:
            self.undo(case)

    def undo(self, case: Any) -> None:
        # The simulator's fault plan and verdict delay are fuzzed like any route, then put
        # back at once: a fault left in place would turn the next cases' answers into the
        # 5xx it was asked for, a long delay would slow the whole stack.
        if self.name != "central-sim" or not case.operation.path.startswith("/control/"):
            return
        if case.operation.method.upper() == "PUT":
            requests.post(f"{self.url}/control/reset", json={}, timeout=TIMEOUT)
            requests.put(f"{self.url}/control/verdict-delay",
                         json={"verdict_delay_seconds": 1}, timeout=TIMEOUT)


def fuzz(service: Service, cases: int = CASES, seed: int = SEED) -> Tally:
    """At least ``cases`` generated requests over the service's operations, half
    schema-valid, half schema-invalid, spread evenly; deterministic for a seed."""
    tally = Tally(service.name)
    ops = service.operations()
    modes = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    exhausted: set[tuple[str, str]] = set()
    for round_ in range(8):
        todo = [(op, m) for op in ops for m in modes if (label_of(op), m.value) not in exhausted]
        if tally.cases >= cases or not todo:
            break
        per = math.ceil((cases - tally.cases) / len(todo))
        for op, mode in todo:
            sent = tally.cases
            _generate(service, op, mode, per, seed + round_, tally)
            if tally.cases - sent < per:
                exhausted.add((label_of(op), mode.value))  # nothing more to vary
    return tally


def label_of(op: Any) -> str:
    return f"{op.method.upper()} {op.path}"


def _generate(service: Service, op: Any, mode: GenerationMode, examples: int, seed: int,
              tally: Tally) -> None:
    # generation only, no shrinking: the number of requests is bounded by max_examples
    @hypothesis.settings(
        max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
        suppress_health_check=list(HealthCheck), print_blob=False,
    )
    @hypothesis.seed(seed)
    @given(case=op.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        record(tally, case, lambda: service.send(case),
               public=(case.operation.method.upper(), case.operation.path) in service.public)

    try:
        run()
    except hypothesis.errors.Unsatisfiable:
        pass  # nothing in this operation can be made invalid
