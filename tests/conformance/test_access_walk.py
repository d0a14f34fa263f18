"""The access matrix, walked: every operation of every docs/openapi/*.json, called by every
role, with no token and with an expired token, on the running services; each answer is the
one the table of DESIGN.md section 6 gives (never the code's own x-roles, which would
prove nothing).

deny -> 403 with a token, 401 without one (or with an expired one); allow -> past the
door (neither 401 nor 403, and never 5xx); allow-masked -> the same, and a 2xx body holds
no full 16-digit NIK. An operation without a row fails the walk.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from office_stack import Office
from routes import DOCS, operations, rule_for, rules

from ektp_shared.access import CALLERS, Rule
from ektp_shared.logging import mask_nik

pytestmark = pytest.mark.integration

FULL_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
TODAY = dt.date.today()
# required query parameters, by name: values a clerk would send
QUERY = {"by": (TODAY + dt.timedelta(days=90)).isoformat(), "desa": "71.10.01.2001",
         "from": (TODAY - dt.timedelta(days=30)).isoformat(), "to": TODAY.isoformat()}
# bodies that are not JSON, by media type: small but well formed
RAW = {"application/x-ndjson": b"{}\n", "text/csv": b"nik,nama\n"}
# where {} would do a day's work: a population of 10, not the default 91,344 residents
BODIES = {("central-sim", "POST", "/control/population"): {"size": 10}}


def request_for(office: Office, service: str, method: str, path: str,
                op: dict[str, Any]) -> dict[str, Any]:
    """Path parameters filled with what the seeded office holds, the required query
    parameters with plausible values, and a minimal body of the declared media type."""
    ids, template = office.ids, path
    params: dict[str, str] = {}
    for p in op.get("parameters", ()):
        name = p["name"]
        if p["in"] == "path":
            value = ids.get(name, "1" if p.get("schema", {}).get("type") == "integer"
                            else "X-1")
            path = path.replace("{" + name + "}", quote(value, safe=""))
        elif p["in"] == "query" and p.get("required"):
            params[name] = QUERY[name]
    kw: dict[str, Any] = {"params": params}
    content = op.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        kw["json"] = BODIES.get((service, method, template), {})
    elif "multipart/form-data" in content:
        kw["files"] = {"file": ("uids.txt", b"04A1B2C3D4E5F6\n", "text/plain")}
    elif content:
        media = next(iter(content))
        kw["content"], kw["headers"] = RAW[media], {"Content-Type": media}
    return {"path": path, **kw}


def verdict_of(rule: Rule, caller: str) -> str:
    # an expired token is no token at all for a route that needs one; a public route
    # never looks at it
    return rule.verdicts["no token" if caller == "expired token" else caller]


def wrong_answer(caller: str, verdict: str, response: httpx.Response) -> str | None:
    status = response.status_code
    if status >= 500:
        return f"{status} (a server error)"
    if verdict == "deny":
        want = 403 if caller in CALLERS and caller != "no token" else 401
        return None if status == want else f"{status}, not {want}"
    if status in (401, 403):
        return f"{status}, though the table says {verdict}"
    if verdict == "allow-masked" and response.is_success:
        found = FULL_NIK.findall(response.text)
        if found:
            return f"{status} with a full NIK {found[0][:6]}... in a masked answer"
    return None


def test_every_route_answers_every_caller_as_the_table_says(office: Office):
    table = rules()
    stack = office.stack
    tokens = {**stack.tokens, "expired token": office.expired_token}
    callers = [*CALLERS, "expired token"]
    missing, wrong = [], []
    calls = masked_bodies = 0
    with httpx.Client(timeout=30) as http:
        for service, method, path, op in operations():
            rule = rule_for(table, service, method, path)
            if rule is None:
                missing.append(f"{service} {method} {path}")
                continue
            request = request_for(office, service, method, path, op)
            url = stack.urls[service] + request.pop("path")
            for caller in callers:
                headers = dict(request.get("headers", {}))
                if caller != "no token":
                    headers["Authorization"] = f"Bearer {tokens[caller]}"
                response = http.request(method, url, **{**request, "headers": headers})
                calls += 1
                verdict = verdict_of(rule, caller)
                masked_bodies += verdict == "allow-masked" and response.is_success
                problem = wrong_answer(caller, verdict, response)
                if problem:
                    wrong.append(f"{service} {method} {path} as {caller} ({verdict}): "
                                 f"{problem}: {mask_nik(response.text[:160])}")
    assert not missing, ("operations of docs/openapi without a row in the access table of "
                         "DESIGN.md section 6:\n" + "\n".join(missing))
    assert not wrong, f"{len(wrong)} of {calls} answers disagree with the table:\n" + \
        "\n".join(wrong)
    assert calls == len(operations()) * len(callers)
    assert masked_bodies > 0


def test_the_running_services_serve_the_committed_documents(office: Office):
    # the walk reads docs/openapi; a route served but not in it would escape the walk
    with httpx.Client(timeout=30) as http:
        for doc in sorted(DOCS.glob("*.json")):
            live = http.get(office.stack.urls[doc.stem] + "/openapi.json").json()
            committed = json.loads(doc.read_text(encoding="utf-8"))
            assert {(p, m) for p, i in live["paths"].items() for m in i} == \
                {(p, m) for p, i in committed["paths"].items() for m in i}, doc.stem
