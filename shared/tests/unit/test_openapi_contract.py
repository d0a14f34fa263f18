"""The OpenAPI document says what a route answers, and the test-time check holds answers to it."""

from __future__ import annotations

from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import JSONResponse

from ektp_shared.auth import Principal, current_principal, require_role
from ektp_shared.deps import IdempotencyKey
from ektp_shared.openapi import Answer, install_openapi, problems
from ektp_shared.problems import install_problem_handlers
from ektp_shared.testing.contract import ContractViolation, check_answer


class Shelf(Answer):
    shelf: str
    blanks: int


def sample_app() -> FastAPI:
    app = FastAPI()
    install_openapi(app)
    install_problem_handlers(app)
    router = APIRouter()

    @router.post("/shelves", status_code=201, response_model=Shelf, responses=problems(409))
    async def add(who: Annotated[Principal, Depends(require_role("storekeeper"))],
                  key: IdempotencyKey = None) -> JSONResponse:
        return JSONResponse({"shelf": "A", "blanks": 3}, status_code=201)

    @router.get("/shelves/{shelf}")
    async def one(shelf: str, who: Annotated[Principal, Depends(current_principal)]) -> Shelf:
        return Shelf(shelf=shelf, blanks=1)

    @router.get("/loose", response_model=Shelf)
    async def loose() -> JSONResponse:  # a JSONResponse skips FastAPI's own check
        return JSONResponse({"shelf": "B", "blanks": "many"})

    app.include_router(router)
    return app


def test_the_document_adds_what_the_dependencies_answer():
    doc = sample_app().openapi()
    add = doc["paths"]["/shelves"]["post"]
    assert sorted(add["responses"]) == ["201", "400", "401", "403", "409", "422"]
    assert add["x-roles"] == ["admin", "storekeeper", "supervisor"]
    one = doc["paths"]["/shelves/{shelf}"]["get"]
    assert sorted(one["responses"]) == ["200", "401", "422"]  # any token: no 403
    for code in ("401", "422"):
        assert one["responses"][code]["content"] == {"application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"}}}
    schemas = doc["components"]["schemas"]
    assert "HTTPValidationError" not in schemas and "Problem" in schemas
    assert schemas["Shelf"]["additionalProperties"] is False


def test_an_answer_outside_the_document_is_refused():
    doc = sample_app().openapi()
    check_answer(doc, "POST", "/shelves", 201, "application/json", b'{"shelf":"A","blanks":3}')
    with pytest.raises(ContractViolation, match="status not in the OpenAPI document"):
        check_answer(doc, "POST", "/shelves", 404, "application/problem+json", b"{}")
    with pytest.raises(ContractViolation, match="media type"):
        check_answer(doc, "POST", "/shelves", 409, "application/json", b"{}")
    with pytest.raises(ContractViolation, match="breaks its schema"):
        check_answer(doc, "POST", "/shelves", 201, "application/json",
                     b'{"shelf":"A","blanks":3,"nik":"7110014508990002"}')
    with pytest.raises(ContractViolation, match="breaks its schema"):
        check_answer(doc, "GET", "/shelves/A", 401, "application/problem+json",
                     b'{"title":"Unauthorized"}')


@pytest.mark.asyncio(loop_scope="session")
async def test_in_process_clients_are_held_to_the_document():
    app = sample_app()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://office") as client:
        r = await client.get("/shelves/A")  # no token: the 401 problem is declared
        assert r.status_code == 401 and r.json()["status"] == 401
        with pytest.raises(ContractViolation, match="GET /loose answered 200"):
            await client.get("/loose")
