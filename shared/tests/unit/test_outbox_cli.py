"""`ektp outbox` finds a service's database and refuses incomplete commands."""

import pytest
import typer
from typer.testing import CliRunner

from ektp_shared.cli import app
from ektp_shared.outbox_cli import database_url

runner = CliRunner()


def test_a_service_name_picks_its_database_on_the_configured_server(monkeypatch):
    monkeypatch.setenv("EKTP_DATABASE_URL", "postgresql://ektp:s3cret@db.kantor:6543/ektp_sync")
    assert database_url("enrollment", None) == (
        "postgresql://ektp:s3cret@db.kantor:6543/ektp_enrollment")
    assert database_url("central-sim", None).endswith("/ektp_central_sim")
    assert database_url(None, None).endswith("/ektp_sync")
    assert database_url("enrollment", "postgresql://x@h/other") == "postgresql://x@h/other"


def test_an_unknown_service_is_refused():
    with pytest.raises(typer.Exit) as exit_info:
        database_url("gudang", None)
    assert exit_info.value.exit_code == 2


def test_a_drop_needs_a_reason():
    result = runner.invoke(app, ["outbox", "drop", "7", "--reason", "  ",
                                 "--database-url", "postgresql://nobody@127.0.0.1:1/x"])
    assert result.exit_code == 2 and "needs --reason" in result.output


def test_an_unreachable_database_is_a_clear_error():
    result = runner.invoke(app, ["outbox", "list", "--database-url",
                                 "postgresql://ektp:secret@127.0.0.1:1/ektp_x"])
    assert result.exit_code == 1 and "cannot use the database" in result.output
    assert "secret" not in result.output
