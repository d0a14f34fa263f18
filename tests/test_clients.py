"""clients/ must be what `make clients` generates from docs/openapi/, and typed for mypy.

Regenerate with `make clients` (after `make openapi` when a service's API changed).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api as mypy_api

from ektp_shared.clientgen import client_package, generate
from ektp_shared.stack import SERVICES

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs" / "openapi"
CLIENTS = ROOT / "clients"


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts}


def test_committed_clients_match_the_documents(tmp_path):
    generate(DOCS, tmp_path)
    for service in SERVICES:
        folder = client_package(service.name).removeprefix("ektp_client_")
        fresh, committed = _tree(tmp_path / folder), _tree(CLIENTS / folder)
        assert committed, f"clients/{folder} missing: run `make clients`"
        stale = sorted(set(fresh) ^ set(committed)) + sorted(
            n for n in set(fresh) & set(committed) if fresh[n] != committed[n])
        assert not stale, f"clients/{folder} is stale ({stale[:5]}): run `make clients`"
    made = {p.name for p in tmp_path.iterdir()}
    extra = {p.name for p in CLIENTS.iterdir() if p.is_dir()} - made
    assert not extra, f"clients/ holds clients of no service: {extra}"


USE = '''
from ektp_client_dashboard.api.progress import get_progress
from ektp_client_dashboard.client import AuthenticatedClient
from ektp_shared.answers import expect


def kabupaten(client: AuthenticatedClient) -> str:
    return expect(get_progress.sync_detailed(client=client)).kabupaten.nama
'''
MISUSE = '''

def wrong_type(client: AuthenticatedClient) -> int:
    return expect(get_progress.sync_detailed(client=client)).kabupaten.nama


def wrong_field(client: AuthenticatedClient) -> object:
    return expect(get_progress.sync_detailed(client=client)).kabupaten.name
'''


@pytest.mark.timeout(180)
def test_a_script_outside_the_repo_gets_the_answers_typed(tmp_path):
    """As the web app will: the installed client package (py.typed) is checked by mypy,
    the answer's type follows from the operation, a wrong field or type is an error."""
    script = tmp_path / "page.py"
    script.write_text(USE + MISUSE, encoding="utf-8")
    out, err, status = mypy_api.run([str(script), "--config-file",
                                     str(ROOT / "pyproject.toml"), "--cache-dir",
                                     str(ROOT / ".mypy_cache")])
    assert status == 1, out + err
    assert 'Incompatible return value type (got "str", expected "int")' in out, out
    assert '"Region" has no attribute "name"' in out, out
    assert out.count("error:") == 2, out
