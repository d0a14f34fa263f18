"""Every answer an in-process test receives must be one its service's OpenAPI declares.

The pytest plugin wraps ``httpx.ASGITransport``: each answer of a FastAPI app is checked
against ``app.openapi()``: its status is documented for the operation, its media type is
documented for that status, and a JSON body validates against the declared schema. A
mismatch fails the test that made the call, naming the operation and the first error.
Answers built as a ``JSONResponse`` bypass FastAPI's own ``response_model`` check; this
catches them too.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import jsonschema_rs

_JSON = ("application/json", "application/problem+json")
_PATCHED = "__ektp_contract__"


class ContractViolation(AssertionError):
    pass


# per document (kept alive here, so its id is never reused): its paths as patterns
_CACHE: dict[int, tuple[dict[str, Any], list[tuple[re.Pattern[str], str, int]]]] = {}


def _operations(doc: dict[str, Any]) -> list[tuple[re.Pattern[str], str, int]]:
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    out = []
    for template in doc.get("paths", {}):
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$")
        out.append((pattern, template, template.count("{")))
    # literal paths before templated ones: /stock/projection before /blanks/{serial}
    out.sort(key=lambda item: (item[2], item[1]))
    _CACHE[id(doc)] = (doc, out)
    return out


def find_operation(doc: dict[str, Any], method: str, path: str) -> tuple[str, dict[str, Any]]:
    ops = _operations(doc)
    for pattern, template, _ in ops:
        item = doc["paths"][template]
        if pattern.match(path) and method.lower() in item:
            return template, item[method.lower()]
    raise KeyError(f"{method} {path}")


_VALIDATORS: dict[tuple[int, str], Any] = {}


def _validator(doc_id: int, schema_json: str, doc: dict[str, Any]) -> Any:
    key = (doc_id, schema_json)
    if key not in _VALIDATORS:
        full = {**json.loads(schema_json), "components": doc.get("components", {})}
        _VALIDATORS[key] = jsonschema_rs.validator_for(full)
    return _VALIDATORS[key]


def check_answer(doc: dict[str, Any], method: str, path: str, status: int,
                 content_type: str, body: bytes) -> None:
    """Raise ContractViolation unless the answer is one the document declares."""
    try:
        template, op = find_operation(doc, method, path)
    except KeyError:
        return  # a route outside the document (the docs pages, static files, the web page)
    where = f"{method.upper()} {template} answered {status}"
    declared = op.get("responses", {})
    answer = declared.get(str(status)) or declared.get(f"{str(status)[0]}XX")
    if answer is None:
        raise ContractViolation(f"{where}: status not in the OpenAPI document "
                                f"(declared: {', '.join(sorted(declared))})")
    media = content_type.split(";")[0].strip().lower()
    content = answer.get("content") or {}
    if not content:
        if body:
            raise ContractViolation(f"{where}: a body where the document declares none")
        return
    if media not in content:
        raise ContractViolation(f"{where}: media type {media!r} not declared "
                                f"({', '.join(sorted(content))})")
    schema = content[media].get("schema")
    if media not in _JSON or not schema:
        return
    try:
        value = json.loads(body)
    except ValueError as exc:
        raise ContractViolation(f"{where}: body is not JSON: {exc}") from None
    validator = _validator(id(doc), json.dumps(schema, sort_keys=True), doc)
    error = next(iter(validator.iter_errors(value)), None)
    if error is not None:
        raise ContractViolation(
            f"{where}: body breaks its schema at {'/'.join(map(str, error.instance_path))}: "
            f"{error.message}")


def watch_asgi_transport() -> None:
    """Check every answer an ``httpx.ASGITransport`` client gets from a FastAPI app."""
    original = httpx.ASGITransport.handle_async_request
    if getattr(original, _PATCHED, False):
        return

    async def handle(self: httpx.ASGITransport, request: httpx.Request) -> httpx.Response:
        response = await original(self, request)
        openapi = getattr(self.app, "openapi", None)
        if openapi is None:
            return response
        body = b"".join([part async for part in response.stream])  # type: ignore[union-attr]
        check_answer(openapi(), request.method, request.url.path, response.status_code,
                     response.headers.get("content-type", ""), body)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=httpx.ByteStream(body), extensions=response.extensions,
                              request=request)

    setattr(handle, _PATCHED, True)
    httpx.ASGITransport.handle_async_request = handle  # type: ignore[method-assign]
