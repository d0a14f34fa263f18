"""``make secrets``: the ``.env`` file docker compose takes its passwords from.

docker-compose.yml has no default password: every one is ``${NAME:?run make secrets}``, and
this writes them, random, to a file only its owner may read. An existing file is never
rewritten (a value already in use by a database or a broker must stay); names it lacks
(a newer compose file) are appended.
"""

from __future__ import annotations

import re
import secrets
import stat
from pathlib import Path

from .keys import PRIVATE_MODE, write_key_file

# Everything docker-compose.yml reads from the environment (tests/test_compose_consistency.py
# holds the two to each other). The KAFKA_* ones are the broker's SASL users.
SECRET_NAMES: tuple[str, ...] = (
    "POSTGRES_PASSWORD",
    "EKTP_DB_OWNER_PASSWORD",
    "EKTP_DB_SERVICE_PASSWORD",
    "CENTRAL_SIM_API_KEY",
    "KAFKA_ADMIN_PASSWORD",
    "KAFKA_PASSWORD_ENROLLMENT",
    "KAFKA_PASSWORD_SYNC",
    "KAFKA_PASSWORD_PRINTING",
    "KAFKA_PASSWORD_INVENTORY",
    "KAFKA_PASSWORD_DASHBOARD",
    "KAFKA_PASSWORD_CENTRAL_SIM",
    "KAFKA_PASSWORD_ACCOUNTS",
    "KAFKA_PASSWORD_WEB",
)

_ASSIGNMENT = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=")


def new_secret() -> str:
    # URL-safe (A-Z a-z 0-9 - _): the database passwords go inside postgresql:// URLs.
    return secrets.token_urlsafe(32)


def names_in(text: str) -> set[str]:
    return {m.group(1) for line in text.splitlines() if (m := _ASSIGNMENT.match(line))}


def ensure_env_file(path: Path) -> list[str]:
    """Write the missing secrets to ``path`` (created 0600); the names written, in order."""
    if not path.exists():
        write_key_file(path, (HEADER + _lines(SECRET_NAMES)).encode(), private=True)
        return list(SECRET_NAMES)
    text = path.read_text()
    missing = [name for name in SECRET_NAMES if name not in names_in(text)]
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        path.chmod(PRIVATE_MODE)  # it holds passwords: the owner's alone
    if missing:
        with path.open("a") as out:
            out.write(("" if not text or text.endswith("\n") else "\n") +
                      _lines(missing))
    return missing


HEADER = "# written by `make secrets` (ektp secrets init): keep it private, never commit it\n"


def _lines(names: tuple[str, ...] | list[str]) -> str:
    return "".join(f"{name}={new_secret()}\n" for name in names)
