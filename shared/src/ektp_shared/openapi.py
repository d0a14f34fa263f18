"""What every service's OpenAPI document says about answers, and its offline docs pages.

Each route declares its success model (``response_model``) and the 4xx it raises itself
(``responses=problems(404, 409)``). The document builder adds what follows from the route's
dependencies and parameters, so it cannot be forgotten: 401 and 403 where a role is
required (401 alone where any valid token will do), 422 where there are parameters or a
body, 400 where an ``Idempotency-Key`` is taken, 413 where there is a body (every body is
capped, ``ektp_shared.middleware.RequestGate``: the cap is in the answer's description).
Every 4xx is the RFC 9457 problem document of ``problems.py``, served as
``application/problem+json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from .limits import body_limit, describe_bytes
from .problems import PROBLEM_JSON, type_base

REF = "#/components/schemas/"
PROBLEM = "Problem"
DESCRIPTIONS = {
    400: "A bad Idempotency-Key (not 1 to 200 characters; a problem document)",
    401: "No bearer token, or one that is expired or not valid (a problem document)",
    403: "The token's role may not do this (a problem document)",
    404: "Not found (a problem document)",
    409: "In conflict with the current state (a problem document)",
    413: "The body is too large (a problem document)",
    422: "Invalid request: the problem names each field (`field`, `errors`)",
}
# marks the dependencies of ektp_shared.auth: require_role(...) can answer 401 and 403,
# current_principal (any valid token) only 401; and the roles each lets through
AUTH_MARK = "__ektp_auth__"
ROLES_MARK = "__ektp_roles__"


class Answer(BaseModel):
    """Base of the response models: the document lists exactly the fields sent.

    Answers built from a dict pass through the model, so a key the model does not list
    never reaches the client; ``additionalProperties: false`` says so in the document.
    """

    model_config = ConfigDict(extra="ignore")

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: Any
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        target = handler.resolve_ref_schema(schema)
        target.setdefault("additionalProperties", False)
        return schema


class FieldError(BaseModel):
    field: str = Field(description="dotted path of the field, e.g. `biometrics.photo_jpeg_b64`")
    message: str


class ProblemDocument(BaseModel):
    """An RFC 9457 problem document, as every service answers every 4xx."""

    model_config = ConfigDict(
        title=PROBLEM, extra="allow",
        json_schema_extra={
            "description": "RFC 9457 problem details. Other members are extensions of the "
            "problem type (e.g. `serials` of serials-wrong-state).",
            "examples": [{
                "type": type_base() + "validation-error", "title": "Invalid request",
                "status": 422, "detail": "nik: String should match pattern '^\\d{16}$'",
                "instance": "/enrollments", "request_id": "5f0c3a9d2b7e4c1f8a6d0e2b4c6a8e10",
                "errors": [{"field": "nik", "message": "String should match pattern"}],
            }],
        },
    )

    type: str = Field(description="URI of the problem type")
    title: str
    status: int = Field(ge=400, le=599)
    detail: str | None = Field(None, description="What went wrong, for a clerk to act on")
    instance: str | None = Field(None, description="The request path")
    request_id: str | None = Field(None, description="Finds the request in the logs")
    field: str | None = Field(None, description="The one field at fault, when there is one")
    errors: list[FieldError] | None = Field(None, description="Each field at fault")


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` entries for the 4xx a route raises itself (404, 409, 413, ...)."""
    return {s: problem_response(s) for s in statuses}


def problem_response(status: int) -> dict[str, Any]:
    return {"description": DESCRIPTIONS.get(status, "A problem document"),
            "content": {PROBLEM_JSON: {"schema": {"$ref": REF + PROBLEM}}}}


def links(status: int, **targets: tuple[str, str, dict[str, str]]) -> dict[int | str, Any]:
    """``responses=`` entry naming what a client may do next with what the route made:
    OpenAPI links, ``Name=(method, path, {parameter: runtime expression})``. Clients (and
    the stateful conformance run) follow them from a create to its reads."""
    return {status: {"links": {
        name: {"operationRef": "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/"
               + method.lower(), "parameters": parameters}
        for name, (method, path, parameters) in targets.items()}}}


def binary(*media_types: str, description: str = "The document") -> dict[int | str, Any]:
    """``responses=`` for a 200 whose body is a file (PDF, PNG, CSV, plain text)."""
    return {200: {"description": description, "content": {
        m: {"schema": _file_schema(m)} for m in media_types}}}


def file_body(media_type: str) -> dict[str, Any]:
    """``openapi_extra=`` for a route that reads its body itself (a CSV, a kit's file): the
    body is a file, so a generated client takes bytes and sends them as they are."""
    return {"requestBody": {"required": True, "content": {
        media_type: {"schema": {"type": "string", "format": "binary"}}}}}


def _file_schema(media_type: str) -> dict[str, str]:
    # plain text is read as text; a CSV is a file to save, like a PDF (the generated
    # clients give its bytes)
    if media_type == "text/plain":
        return {"type": "string"}
    return {"type": "string", "format": "binary"}


def _auth(dependant: Dependant) -> tuple[set[int], set[str] | None]:
    """The statuses the route's auth dependencies answer, and the roles they let through
    (None: no token needed)."""
    statuses: set[int] = set()
    roles: set[str] | None = None
    stack = [dependant]
    while stack:
        dep = stack.pop()
        statuses.update(getattr(dep.call, AUTH_MARK, ()))
        allowed = getattr(dep.call, ROLES_MARK, None)
        if allowed is not None:
            roles = set(allowed) if roles is None else roles & set(allowed)
        stack.extend(dep.dependencies)
    return statuses, roles


def _problem_components() -> dict[str, Any]:
    schema = ProblemDocument.model_json_schema(ref_template=REF + "{model}")
    defs = schema.pop("$defs", {})
    return {PROBLEM: schema, **defs}


def _refine(doc: dict[str, Any], routes: Iterable[Any]) -> dict[str, Any]:
    auth = {(r.path_format, m.lower()): _auth(r.dependant)
            for r in routes for m in (r.methods or ())}
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            responses = op.setdefault("responses", {})
            statuses, roles = auth.get((path, method), (set(), None))
            for status in sorted(statuses):
                responses.setdefault(str(status), problem_response(status))
            if roles is not None:
                op["x-roles"] = sorted(roles)  # who the code lets through (require_role)
            if any(p.get("in") == "header" and p.get("name", "").lower() == "idempotency-key"
                   for p in op.get("parameters", ())):
                responses.setdefault("400", problem_response(400))  # idempotency.claim
            if "requestBody" in op:
                cap = body_limit(method, path)
                responses["413"] = {
                    **problem_response(413),
                    "description": f"The body is over this route's cap of "
                                   f"{describe_bytes(cap)} ({cap} byte; the problem's "
                                   "`limit_bytes`)"}
            for code, answer in responses.items():
                if code.startswith("4"):
                    # FastAPI's own 422 (HTTPValidationError) is not what the services send
                    answer["content"] = problem_response(int(code))["content"]
                    if code == "422":
                        answer["description"] = DESCRIPTIONS[422]
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    for schema in schemas.values():
        for prop in (schema.get("properties") or {}).values():
            if prop.get("contentMediaType") == "application/octet-stream":
                # an uploaded file (UploadFile): OpenAPI 3.0's spelling too, which client
                # generators read (a plain string would be sent as a form field, no file)
                prop.setdefault("format", "binary")
    schemas.update(_problem_components())
    return doc


def _api_routes(app: FastAPI) -> list[Any]:
    """The routes of the document, as get_openapi walks them (FastAPI >= 0.16x keeps
    included routers as branches; older versions copy their routes into app.routes)."""
    try:
        from fastapi.openapi.utils import _get_api_route_for_openapi
        from fastapi.routing import iter_route_contexts
    except ImportError:
        return [r for r in app.routes if isinstance(r, APIRoute) and r.include_in_schema]
    routes = (_get_api_route_for_openapi(c) for c in iter_route_contexts(app.routes))
    return [r for r in routes if r is not None]


def operation_id(route: APIRoute) -> str:
    """The operation's id is its route function's name (``change_status``, not FastAPI's
    ``change_status_printers__printer_id__status_post``): the generated clients name their
    functions after it (clients/, ``make clients``), so it must be unique in a service."""
    return route.name


def install_openapi(app: FastAPI) -> None:
    """Replace ``app.openapi`` with the refined document (built once, then cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(
                title=app.title, version=app.version, openapi_version=app.openapi_version,
                description=app.description, routes=app.routes, tags=app.openapi_tags,
            )
            app.openapi_schema = _refine(doc, _api_routes(app))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


# --- the docs pages, with no CDN ----------------------------------------------------------

ASSETS_URL = "/docs-assets"


def _assets_dir() -> Path:
    # Swagger UI (Apache-2.0) and Redoc (MIT) as shipped by fastapi-offline (MIT)
    import fastapi_offline

    return Path(fastapi_offline.__file__).parent / "static"


def install_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` served from the package's own files."""
    app.mount(ASSETS_URL, StaticFiles(directory=_assets_dir()), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def swagger(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=root + openapi_url, title=f"{app.title}: API",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=root + openapi_url, title=f"{app.title}: API",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png", with_google_fonts=False,
        )


# --- export (make openapi) ------------------------------------------------------------------


def _sorted_enums(node: Any) -> Any:
    # pydantic caches a Literal's schema by the Literal's value set, so a second build in one
    # process may list the same values in another order: the committed form sorts them.
    if isinstance(node, dict):
        return {k: (sorted(v) if k == "enum" and all(isinstance(x, str) for x in v)
                    else _sorted_enums(v)) for k, v in node.items()}
    if isinstance(node, list):
        return [_sorted_enums(x) for x in node]
    return node


def render(doc: dict[str, Any]) -> str:
    """The committed form: sorted keys and enum values, two-space indent, one trailing
    newline."""
    return json.dumps(_sorted_enums(doc), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def service_documents() -> dict[str, dict[str, Any]]:
    """Each service of the local stack (``stack.SERVICES``) and its OpenAPI document."""
    import importlib

    from .stack import SERVICES

    out: dict[str, dict[str, Any]] = {}
    for service in SERVICES:
        module = importlib.import_module(f"{service.package}.entrypoints.api")
        build: Callable[[], FastAPI] = module.build_app
        out[service.name] = build().openapi()
    return out


def export(target: Path) -> list[Path]:
    """Write ``<service>.json`` for every service into ``target`` (docs/openapi/)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in service_documents().items():
        path = target / f"{name}.json"
        path.write_text(render(doc), encoding="utf-8")
        written.append(path)
    return written


__all__ = [
    "Answer", "FieldError", "ProblemDocument", "binary", "export", "file_body",
    "install_docs", "install_openapi", "links", "operation_id", "problems", "render",
    "service_documents",
]


if __name__ == "__main__":  # python -m ektp_shared.openapi docs/openapi
    import sys

    for p in export(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/openapi")):
        print(p)
