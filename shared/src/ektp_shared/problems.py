"""RFC 9457 problem details: every error a client sees, with a message a clerk can act on."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .logging import request_id_var
from .office import current as current_office

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


def type_base() -> str:
    """Problem types live under the office's own domain (ektp_shared.office)."""
    return current_office().problem_type_base


class Problem(Exception):
    """Raise from any layer to answer with a problem document."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        *,
        type: str | None = None,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type or title.lower().replace(" ", "-")
        self.headers = headers
        self.extensions = extensions

    def body(self, instance: str | None = None) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "type": self.type if "://" in self.type else type_base() + self.type,
            "title": self.title,
            "status": self.status,
        }
        if self.detail:
            doc["detail"] = self.detail
        if instance:
            doc["instance"] = instance
        request_id = request_id_var.get()
        if request_id:
            doc["request_id"] = request_id
        doc.update(self.extensions)
        return doc


def problem_response(problem: Problem, request: Request | None = None) -> JSONResponse:
    return JSONResponse(
        problem.body(request.url.path if request else None),
        status_code=problem.status,
        media_type=PROBLEM_JSON,
        headers=problem.headers,
    )


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_problem(errors: list[dict[str, Any]]) -> Problem:
    fields = [
        {"field": _field_name(e.get("loc", ())), "message": e.get("msg", "invalid")}
        for e in errors
    ]
    detail = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:10])
    return Problem(422, "Invalid request", detail, type="validation-error", errors=fields)


def unreadable_body(cause: BaseException | None) -> Problem:
    why = f" ({type(cause).__name__})" if cause is not None else ""
    message = f"the body cannot be read as its Content-Type says{why}"
    return Problem(422, "Invalid request", f"body: {message}", type="validation-error",
                   field="body", errors=[{"field": "body", "message": message}])


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(validation_problem(list(exc.errors())), request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:
            # FastAPI's "error parsing the body" (a JSON body that is not UTF-8, a broken
            # multipart form): bad input like any other, so the 422 that names the field
            return problem_response(unreadable_body(exc.__cause__), request)
        titles = {
            401: "Unauthorized", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
        }
        title = titles.get(exc.status_code, "Request failed")
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers) if exc.headers else None
        return problem_response(Problem(exc.status_code, title, detail, headers=headers), request)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(
            Problem(500, "Internal error", "The server failed; the request id finds it in logs."),
            request,
        )
