import json
import logging

from ektp_shared.logging import JsonFormatter, NikMaskingFilter, configure_logging, mask_nik
from ektp_shared.problems import Problem, validation_problem
from ektp_shared.schema import split_sql


def test_niks_are_masked_keeping_region_and_serial():
    assert mask_nik("NIK 7110014501900001 recorded") == "NIK 711001******0001 recorded"
    # Longer digit runs (e.g. a chip UID) are not NIKs and stay as they are.
    assert mask_nik("serial 12345678901234567890") == "serial 12345678901234567890"


def test_log_records_with_arguments_are_masked():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "lookup %s by %s", (
        "7110014501900001", "budi"), None)
    NikMaskingFilter().filter(record)
    line = json.loads(JsonFormatter("enrollment").format(record))
    assert line["message"] == "lookup 711001******0001 by budi"
    assert line["service"] == "enrollment"


def test_niks_in_url_encoded_queries_are_masked():
    for raw, masked in (
        ("GET /residents?nik=7110014501900001&x=1", "GET /residents?nik=711001******0001&x=1"),
        ("q=nik%3D7110014501900001", "q=nik%3D711001******0001"),
        # a quoted NIK, URL-encoded: the escape's last character is a digit
        ("filter=%7B%22nik%22%3A%227110014501900001%22%7D",
         "filter=%7B%22nik%22%3A%22711001******0001%22%7D"),
        ("q=budi%207110014501900001", "q=budi%20711001******0001"),
        ("q=%25227110014501900001", "q=%2522711001******0001"),
    ):
        assert mask_nik(raw) == masked


def test_plain_text_logs_mask_niks_in_tracebacks_and_messages(capsys):
    configure_logging("enrollment", "INFO", as_json=False)
    log = logging.getLogger("ektp.test")
    try:
        raise ValueError("duplicate key (nik)=(7110014501900001) already exists")
    except ValueError:
        log.exception("recording %s failed", "7110014501900001")
    log.info("GET /enrollments?q=%s", "nik%3D7110014501900001", stack_info=True)
    err = capsys.readouterr().err
    assert "7110014501900001" not in err
    assert "recording 711001******0001 failed" in err
    assert "(nik)=(711001******0001)" in err
    assert "Traceback" in err


def test_json_logs_mask_niks_in_stacks(capsys):
    configure_logging("enrollment", "INFO", as_json=True)
    # the stack shows this source line, NIK and all
    logging.getLogger("ektp.test").info("nik %s", "7110014501900001", stack_info=True)
    err = capsys.readouterr().err
    assert "7110014501900001" not in err
    assert "711001******0001" in json.loads(err.strip().splitlines()[-1])["stack"]


def test_problem_document_shape():
    body = Problem(409, "Already recorded", "NIK sudah direkam", existing_id="e1").body("/x")
    assert body == {
        "type": "https://ektp.bolaangmongondowtimurkab.go.id/problems/already-recorded",
        "title": "Already recorded", "status": 409, "detail": "NIK sudah direkam",
        "instance": "/x", "existing_id": "e1",
    }


def test_validation_problem_names_the_fields():
    p = validation_problem([{"loc": ("body", "alamat", "rt"), "msg": "Field required"}])
    assert p.status == 422
    assert p.extensions["errors"] == [{"field": "alamat.rt", "message": "Field required"}]
    assert p.detail == "alamat.rt: Field required"


def test_split_sql_respects_quotes_and_dollar_bodies():
    script = """-- a comment; with a semicolon
    CREATE TABLE a (x text default ';'); -- trailing; comment
    CREATE TABLE b (y text default '--not a comment');
    CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;
    SELECT 1"""
    parts = split_sql(script)
    assert len(parts) == 4
    assert parts[0] == "CREATE TABLE a (x text default ';')"
    assert parts[1] == "CREATE TABLE b (y text default '--not a comment')"
    assert parts[2].endswith("LANGUAGE plpgsql")


async def test_a_body_that_is_not_utf8_json_is_a_422_naming_the_body():
    # FastAPI answers such a body 400 "error parsing the body", which no route documents
    # (schemathesis found it on every route with a JSON body)
    import httpx
    from fastapi import FastAPI
    from pydantic import BaseModel

    from ektp_shared.openapi import install_openapi
    from ektp_shared.problems import install_problem_handlers

    class Review(BaseModel):
        approve: bool

    app = FastAPI()
    install_openapi(app)
    install_problem_handlers(app)

    @app.post("/review")
    async def review(body: Review) -> dict[str, bool]:
        return {"approve": body.approve}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as client:
        r = await client.post("/review", content=b"\xff",
                              headers={"Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["field"] == "body" and r.json()["errors"][0]["field"] == "body"
