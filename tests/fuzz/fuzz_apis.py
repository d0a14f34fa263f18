"""Fuzz every service's HTTP API against its own OpenAPI schema (``make fuzz``).

The rule it checks: no request a client can send may produce a 500 (or hang), and every
error answer is an RFC 9457 problem document (``application/problem+json``).

It runs against the local stack of ``make up`` (127.0.0.1 only), with an admin token minted
from the stack's own keys. The run is bounded: at most ``--budget`` generated requests per
service (split evenly over its operations, half schema-valid, half schema-invalid), each
with a request timeout, and a time limit per service. Not part of ``make test``.

    .venv/bin/python tests/fuzz/fuzz_apis.py [--budget 300] [--service enrollment] [--seed 1]

Exit code 0 when no failure was seen, 1 otherwise; every distinct failure is printed once
with a curl command that reproduces it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from schemathesis import GenerationMode

from ektp_shared.auth import issue_token
from ektp_shared.keys import KeySettings
from ektp_shared.problems import PROBLEM_JSON
from ektp_shared.stack import SERVICES

# Operations that change how the simulator itself behaves (injected faults answer 5xx on
# purpose, a long verdict delay slows every later call): fuzzing them would only measure
# the faults we asked for.
SKIP = {
    ("central-sim", "PUT", "/control/faults"),
    ("central-sim", "PUT", "/control/verdict-delay"),
}
REQUEST_TIMEOUT = 10.0


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: Any, value: Any) -> bytes:
    # enrollment's bulk import: one JSON document per line (the schema leaves lines free)
    lines = value if isinstance(value, list) else [value]
    return "\n".join(json.dumps(line) for line in lines).encode()


@dataclass
class Failure:
    service: str
    operation: str
    what: str
    curl: str


@dataclass
class Tally:
    requests: int = 0
    failures: dict[tuple[str, str], Failure] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")


def admin_token() -> str:
    s = KeySettings()
    return issue_token(
        s.signing_key(), user="fuzz", role="admin", issuer=s.jwt_issuer,
        audience=s.jwt_audience, ttl=dt.timedelta(hours=1),
    )


def check(service: str, case: Any, headers: dict[str, str], tally: Tally) -> None:
    op = f"{case.operation.method.upper()} {case.operation.path}"
    tally.requests += 1
    started = time.monotonic()
    try:
        response = case.call(headers=headers, timeout=REQUEST_TIMEOUT)
    except (requests.Timeout, TimeoutError):
        what = f"no answer within {REQUEST_TIMEOUT:.0f} s (hang)"
    except requests.ConnectionError as exc:
        what = f"connection failed: {type(exc).__name__}"
    else:
        # schemathesis gives every header as a list of its values
        ctype = (response.headers.get("content-type") or [""])[0].split(";")[0].strip()
        if response.status_code >= 500:
            what = f"{response.status_code}: {response.text[:300]}"
        elif response.status_code >= 400 and ctype != PROBLEM_JSON:
            what = f"{response.status_code} answered as {ctype or 'no content type'}, " \
                   f"not {PROBLEM_JSON}: {response.text[:200]}"
        else:
            tally.slowest = max(tally.slowest, (time.monotonic() - started, op))
            return
    # One report per operation and kind of failure; the first (smallest seen) example wins.
    key = (op, what.split(":")[0])
    if key not in tally.failures:
        curl = case.as_curl_command()  # the token shows as [Filtered]: add your own
        tally.failures[key] = Failure(service, op, what, curl)


def fuzz_operation(service: str, operation: Any, mode: GenerationMode, examples: int,
                   headers: dict[str, str], tally: Tally, deadline: float, seed: int) -> None:
    strategy = operation.as_strategy(generation_mode=mode)

    # generate only: no shrinking, so the number of requests is exactly bounded
    @hypothesis.settings(
        max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
        suppress_health_check=list(HealthCheck), derandomize=False, print_blob=False,
    )
    @hypothesis.seed(seed)
    @given(case=strategy)
    def run(case: Any) -> None:
        if time.monotonic() > deadline:
            return
        check(service, case, headers, tally)

    run()


def fuzz_service(name: str, port: int, budget: int, time_limit: float, headers: dict[str, str],
                 seed: int) -> Tally:
    tally = Tally()
    base = f"http://127.0.0.1:{port}"
    schema = schemathesis.openapi.from_url(f"{base}/openapi.json")
    schema.config.update(base_url=base)
    operations = []
    for result in schema.get_all_operations():
        try:
            op = result.ok()
        except Exception as exc:  # a schema part schemathesis cannot read: say so, go on
            tally.errors.append(f"schema: {exc}")
            continue
        if (name, op.method.upper(), op.path) not in SKIP:
            operations.append(op)
    per_op_mode = max(1, budget // (2 * max(1, len(operations))))
    deadline = time.monotonic() + time_limit
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            if time.monotonic() > deadline:
                tally.errors.append(f"time limit reached before {op.method.upper()} {op.path}")
                break
            try:
                fuzz_operation(name, op, mode, per_op_mode, headers, tally, deadline, seed)
            except hypothesis.errors.Unsatisfiable:
                pass  # e.g. nothing in this operation can be made invalid
            except Exception as exc:
                tally.errors.append(
                    f"{op.method.upper()} {op.path} ({mode.value}): {type(exc).__name__}: "
                    f"{str(exc)[:200]}"
                )
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budget", type=int, default=300,
                        help="most generated requests per service (default 300)")
    parser.add_argument("--time-limit", type=float, default=120.0,
                        help="seconds per service (default 120)")
    parser.add_argument("--service", action="append",
                        help="only this service (repeatable); default every service")
    parser.add_argument("--seed", type=int, default=20241231)
    args = parser.parse_args(argv)

    headers = {"Authorization": f"Bearer {admin_token()}"}
    names = args.service or [s.name for s in SERVICES]
    failed = False
    total = 0
    started = time.monotonic()
    for service in SERVICES:
        if service.name not in names:
            continue
        t0 = time.monotonic()
        try:
            tally = fuzz_service(service.name, service.port, args.budget, args.time_limit,
                                 headers, args.seed)
        except Exception as exc:
            print(f"{service.name:12} cannot fuzz: {type(exc).__name__}: {exc}  (is `make up` "
                  "running?)")
            failed = True
            continue
        total += tally.requests
        print(f"{service.name:12} {tally.requests:4d} requests in {time.monotonic() - t0:5.1f} s, "
              f"{len(tally.failures)} failure(s); slowest answer {tally.slowest[0]:.1f} s "
              f"({tally.slowest[1]})")
        for f in tally.failures.values():
            print(f"  FAIL {f.operation}: {f.what}\n       {f.curl}")
        for e in tally.errors:
            print(f"  note {e}")
        failed = failed or bool(tally.failures)
    print(f"total {total} requests in {time.monotonic() - started:.1f} s: "
          f"{'FAILURES' if failed else 'no server error, every error a problem document'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
