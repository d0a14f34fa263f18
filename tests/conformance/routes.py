"""The routes of docs/openapi and the access rules of DESIGN.md section 6 (the table, never
the code's x-roles), as the conformance run and the access walk read them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ektp_shared.access import Rule, design_path, parse
from ektp_shared.auth import ROLES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "openapi"
OPS = ("/healthz", "/readyz", "/metrics")
Route = tuple[str, str, str]  # service, METHOD, path


def operations() -> list[tuple[str, str, str, dict[str, Any]]]:
    out = []
    for doc in sorted(DOCS.glob("*.json")):
        for path, item in json.loads(doc.read_text(encoding="utf-8"))["paths"].items():
            for method, op in item.items():
                out.append((doc.stem, method.upper(), path, op))
    return out


def rules() -> dict[Route, Rule]:
    return {(r.service, r.method, r.path): r
            for r in parse(design_path().read_text(encoding="utf-8"))}


def rule_for(table: dict[Route, Rule], service: str, method: str, path: str) -> Rule | None:
    return table.get(("*" if path in OPS else service, method, path))


def allowed_roles(rule: Rule) -> list[str]:
    """The roles the table lets through, the narrow ones first (supervisor and admin pass
    every check, so a run with their tokens alone would prove little)."""
    return [r for r in ROLES if rule.verdicts[r] != "deny"]
