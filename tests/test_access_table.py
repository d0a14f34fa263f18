"""The access table of DESIGN.md section 6 covers every route, agrees with the roles the
code lets through, and docs/access.md is made from it (`make access`).

Checked here against the committed OpenAPI documents (their `x-roles`); the walk of every
route x role against the running services is the conformance suite's job.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ektp_shared.access import AccessTableError, design_path, parse, render

DOCS = Path(__file__).parents[1] / "docs"
OPS = ("/healthz", "/readyz", "/metrics")


@pytest.fixture(scope="module")
def rules():
    return parse(design_path().read_text(encoding="utf-8"))


def operations():
    for doc in sorted((DOCS / "openapi").glob("*.json")):
        for path, item in json.loads(doc.read_text(encoding="utf-8"))["paths"].items():
            for method, op in item.items():
                yield doc.stem, method.upper(), path, op


def test_access_md_is_made_from_the_table(rules):
    assert (DOCS / "access.md").read_text(encoding="utf-8") == render(rules), (
        "docs/access.md is stale: run `make access`")


def test_every_route_has_exactly_one_rule(rules):
    keys = [(r.service, r.method, r.path) for r in rules]
    assert len(keys) == len(set(keys)), "a route has two rows"
    missing = [f"{s} {m} {p}" for s, m, p, _ in operations()
               if (("*" if p in OPS else s), m, p) not in set(keys)]
    assert not missing, "routes without a row in DESIGN.md section 6:\n" + "\n".join(missing)
    known = {(("*" if p in OPS else s), m, p) for s, m, p, _ in operations()}
    stale = [k for k in keys if k not in known]
    assert not stale, f"rows for routes no service has: {stale}"


def test_the_table_agrees_with_the_roles_the_code_lets_through(rules):
    by_key = {(r.service, r.method, r.path): r for r in rules}
    wrong = []
    for service, method, path, op in operations():
        rule = by_key[("*" if path in OPS else service, method, path)]
        code_roles = op.get("x-roles")
        for caller, verdict in rule.verdicts.items():
            if caller == "no token":
                expected_open = code_roles is None
            else:
                expected_open = code_roles is None or caller in code_roles
            if (verdict != "deny") != expected_open:
                wrong.append(f"{service} {method} {path}: {caller} is {verdict} in the table")
    assert not wrong, "\n".join(wrong)


def test_a_malformed_table_is_refused():
    table = ("<!-- access-table -->\n| service | method | path | operator | printer | "
             "storekeeper | supervisor | admin | viewer | no token | note |\n| --- |\n"
             "| sync | GET | `/x` | allow | maybe | deny | allow | allow | deny | deny | |\n"
             "<!-- /access-table -->")
    with pytest.raises(AccessTableError, match="maybe"):
        parse(table)
