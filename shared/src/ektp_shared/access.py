"""The access rules, written once as the table of docs/DESIGN.md section 6, and docs/access.md.

The table (between the ``access-table`` comments) has one row per route: service (``*``
for the ops routes of every service), method, path, then for each role and for a caller
with no token ``allow``, ``allow-masked`` (allowed, NIKs masked) or ``deny``, and a note.
``python -m ektp_shared.access`` (``make access``) renders docs/access.md from it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .auth import ROLES
from .config import repo_root

BEGIN, END = "<!-- access-table -->", "<!-- /access-table -->"
CALLERS: tuple[str, ...] = (*ROLES, "no token")
VERDICTS = ("allow", "allow-masked", "deny")


class AccessTableError(ValueError):
    pass


@dataclass(frozen=True)
class Rule:
    service: str
    method: str
    path: str
    verdicts: dict[str, str]  # caller -> allow / allow-masked / deny
    note: str


def design_path() -> Path:
    return repo_root() / "docs" / "DESIGN.md"


def parse(text: str) -> list[Rule]:
    """The rules of the table in ``text`` (DESIGN.md); raises on a malformed table."""
    try:
        table = text.split(BEGIN, 1)[1].split(END, 1)[0]
    except IndexError:
        raise AccessTableError(f"no {BEGIN} ... {END} table") from None
    lines = [ln.strip() for ln in table.strip().splitlines() if ln.strip()]
    header = _cells(lines[0])
    expected = ["service", "method", "path", *CALLERS, "note"]
    if header != expected:
        raise AccessTableError(f"header is {header}, not {expected}")
    rules = []
    for number, line in enumerate(lines[2:], start=3):
        cells = _cells(line)
        if len(cells) != len(expected):
            raise AccessTableError(f"row {number}: {len(cells)} cells, not {len(expected)}")
        verdicts = dict(zip(CALLERS, cells[3:-1], strict=True))
        wrong = {c: v for c, v in verdicts.items() if v not in VERDICTS}
        if wrong:
            raise AccessTableError(f"row {number}: {wrong} (one of {', '.join(VERDICTS)})")
        rules.append(Rule(cells[0], cells[1].upper(), cells[2].strip("`"), verdicts, cells[-1]))
    return rules


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def render(rules: list[Rule]) -> str:
    """docs/access.md: the same rules, one table per service."""
    out = [
        "# Who may call what",
        "",
        "Generated from the table of `docs/DESIGN.md` section 6 by `make access`; edit the",
        "table there, not this page. `allow-masked`: allowed, with NIKs masked in the answer.",
        "Supervisor and admin pass every role check. `no token`: a call without a bearer token",
        "(denied calls answer 401 without a token, 403 with a token of another role).",
        "",
    ]
    services = list(dict.fromkeys(r.service for r in rules))
    for service in services:
        title = "every service (ops routes)" if service == "*" else service
        out += [f"## {title}", "",
                "| route | " + " | ".join(CALLERS) + " | note |",
                "| --- | " + " | ".join("---" for _ in CALLERS) + " | --- |"]
        for r in (r for r in rules if r.service == service):
            marks = " | ".join(_mark(r.verdicts[c]) for c in CALLERS)
            out.append(f"| `{r.method} {r.path}` | {marks} | {r.note} |")
        out.append("")
    return "\n".join(out)


def _mark(verdict: str) -> str:
    return {"allow": "yes", "allow-masked": "masked", "deny": "no"}[verdict]


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else repo_root() / "docs" / "access.md"
    target.write_text(render(parse(design_path().read_text(encoding="utf-8"))),
                      encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":  # python -m ektp_shared.access [docs/access.md]
    sys.exit(main(sys.argv))
