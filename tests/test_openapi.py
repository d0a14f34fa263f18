"""docs/openapi/ must be what the services say, and every operation must declare its answers.

Regenerate the documents with `make openapi`. The answers themselves are checked against
these documents by every in-process integration test (ektp_shared.testing.contract).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from ektp_shared.openapi import install_docs, render, service_documents
from ektp_shared.stack import SERVICES

DOCS = Path(__file__).parents[1] / "docs" / "openapi"
PROBLEM_REF = "#/components/schemas/Problem"
FILE_TYPES = {"application/pdf", "image/png", "text/csv", "text/plain"}
# Members whose data is open by nature: free detail written by events or clerks, another
# service's own answer passed on, RFC 9457 extension members.
OPEN = {
    "Problem", "Remote",
    "Movement.detail", "LedgerException.detail", "HistoryEntry.detail", "Step.detail",
    # An audit row's detail is what its action recorded: each action has its own.
    "AuditEntry.detail",
}


@pytest.fixture(scope="module")
def documents() -> dict[str, dict[str, Any]]:
    return service_documents()


def operations(doc: dict[str, Any]):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            yield f"{method.upper()} {path}", op


def test_committed_documents_match_the_services(documents):
    assert sorted(documents) == sorted(s.name for s in SERVICES)
    for name, doc in documents.items():
        committed = DOCS / f"{name}.json"
        assert committed.is_file(), f"{committed.name} missing: run `make openapi`"
        assert committed.read_text(encoding="utf-8") == render(doc), (
            f"{committed.name} is stale: run `make openapi`")
    extra = {p.stem for p in DOCS.glob("*.json")} - set(documents)
    assert not extra, f"docs/openapi/ holds documents of no service: {extra}"


def test_export_is_stable(documents):
    # a second build in the same process (FastAPI caches nothing across apps) is identical
    again = service_documents()
    assert {n: render(d) for n, d in again.items()} == {n: render(d) for n, d in documents.items()}


def test_operation_ids_are_the_route_names_and_unique(documents):
    # the generated clients (clients/) name each function after its operation id
    for name, doc in documents.items():
        ids = [op["operationId"] for _, op in operations(doc)]
        assert len(ids) == len(set(ids)), f"{name}: duplicate operation ids"
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), ids
    assert "change_status" in [op["operationId"] for _, op in operations(documents["printing"])]


def _success_ok(op: dict[str, Any]) -> bool:
    for code, answer in op["responses"].items():
        if not code.startswith("2"):
            continue
        for media, body in (answer.get("content") or {}).items():
            schema = body.get("schema") or {}
            if media in FILE_TYPES or "$ref" in schema or schema.get("type") == "array":
                return True
    return False


def test_every_operation_declares_a_typed_success(documents):
    missing = [f"{name}: {op_name}" for name, doc in documents.items()
               for op_name, op in operations(doc) if not _success_ok(op)]
    assert not missing, "operations without a 2xx model or file type:\n" + "\n".join(missing)


def test_every_operation_declares_its_4xx_as_problems(documents):
    wrong = []
    for name, doc in documents.items():
        for op_name, op in operations(doc):
            codes = set(op["responses"])
            if op.get("security") or op.get("x-roles"):
                if "401" not in codes:
                    wrong.append(f"{name}: {op_name} needs a token but declares no 401")
            restricted = op.get("x-roles") is not None and len(op["x-roles"]) < 6
            if restricted and "403" not in codes:
                wrong.append(f"{name}: {op_name} is for {op['x-roles']} but declares no 403")
            if (op.get("parameters") or op.get("requestBody")) and "422" not in codes:
                wrong.append(f"{name}: {op_name} takes input but declares no 422")
            for code, answer in op["responses"].items():
                if not code.startswith("4"):
                    continue
                content = answer.get("content") or {}
                ref = content.get("application/problem+json", {}).get("schema", {}).get("$ref")
                if ref != PROBLEM_REF or len(content) != 1:
                    wrong.append(f"{name}: {op_name} {code} is not the problem document")
    assert not wrong, "\n".join(wrong)


def _open_members(doc: dict[str, Any]) -> list[str]:
    found = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if node.get("additionalProperties") is True or (
                node.get("type") == "object" and "properties" not in node
                and "additionalProperties" not in node and "$ref" not in node
            ):
                found.append(where)
            for key, sub in node.items():
                if key == "properties":
                    for prop, schema in sub.items():
                        walk(schema, f"{where}.{prop}")
                elif key in ("anyOf", "oneOf", "allOf", "items", "additionalProperties"):
                    walk(sub, where)
        elif isinstance(node, list):
            for sub in node:
                walk(sub, where)

    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        walk(schema, name)
    return found


def _answer_schemas(doc: dict[str, Any]) -> set[str]:
    """The component schemas reachable from any response."""
    schemas = doc.get("components", {}).get("schemas", {})
    todo = [body.get("schema", {}) for _, op in operations(doc)
            for answer in op["responses"].values()
            for body in (answer.get("content") or {}).values()]
    seen: set[str] = set()
    while todo:
        text = json.dumps(todo.pop())
        for ref in re.findall(r'"#/components/schemas/([^"]+)"', text):
            if ref not in seen:
                seen.add(ref)
                todo.append(schemas.get(ref, {}))
    return seen


def test_answers_list_their_fields(documents):
    loose = []
    for name, doc in documents.items():
        answers = _answer_schemas(doc)
        for where in _open_members(doc):
            if where.split(".")[0] in answers and where not in OPEN and \
                    where.split(".")[0] not in OPEN:
                loose.append(f"{name}: {where}")
    assert not loose, "answers with an open object instead of listed fields:\n" + \
        "\n".join(loose)


def test_main_models_carry_examples(documents):
    wanted = {"enrollment": "Recorded", "sync": "SubmissionOut", "printing": "PrintJob",
              "inventory": "Blank", "dashboard": "Progress"}
    for service, model in wanted.items():
        assert documents[service]["components"]["schemas"][model].get("examples"), model
    assert documents["inventory"]["components"]["schemas"]["Stock"].get("examples")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_load_nothing_from_another_host(page):
    app = FastAPI(docs_url=None, redoc_url=None)
    install_docs(app)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://office") as client:
        r = await client.get(page)
        assert r.status_code == 200
        refs = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)', r.text)
        refs += re.findall(r"url:\s*['\"]([^'\"]+)", r.text)
        assert refs, "the page references no script at all?"
        outside = [u for u in refs if re.match(r"^(?:[a-z]+:)?//", u)]
        assert not outside, f"{page} loads from another host: {outside}"
        for ref in refs:
            if ref.endswith((".js", ".css", ".png")):
                asset = await client.get(ref)
                assert asset.status_code == 200 and asset.content, ref
