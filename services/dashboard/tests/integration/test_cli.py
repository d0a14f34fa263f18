"""``ektp dashboard ...`` against a running dashboard, through the ``ektp`` command."""

from __future__ import annotations

import pytest
from dashboard_samples import ago, card_issued, card_printed, nik, print_ready, recorded, roster
from typer.testing import CliRunner

from ektp_shared.cli import app as ektp

pytestmark = [pytest.mark.integration, pytest.mark.asyncio(loop_scope="session")]


async def test_the_operator_reads_progress_a_timeline_and_exports_the_report(
    served_dashboard, make_token, tmp_path,
):
    n, other = nik(40), nik(41)
    await served_dashboard.send("central", [roster(n), roster(other, at=ago(2)), print_ready(n)])
    await served_dashboard.send("enrollment", [recorded(n)])
    await served_dashboard.send("printing", [card_printed(n, "BLK1"), card_issued(n, "BLK1")])
    viewer = make_token(user="kadis", role="viewer")
    # Both residents in: their events sit on different partitions, applied in any order.
    await served_dashboard.wait_for(viewer, lambda b: b["kabupaten"]["issued"] == 1
                                    and b["kabupaten"]["target"] == 2)
    runner = CliRunner()
    url = served_dashboard.url

    out = runner.invoke(ektp, ["dashboard", "progress", "--url", url],
                        env={"EKTP_TOKEN": viewer, "COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "Tutuyan" in out.output and "KABUPATEN" in out.output
    assert "perkiraan:" in out.output and "sinkron: tidak tersedia" in out.output

    clerk = make_token(user="rina", role="operator")
    out = runner.invoke(ektp, ["dashboard", "resident", n, "--url", url],
                        env={"EKTP_TOKEN": clerk, "COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "CARD_ISSUED" in out.output and "KTP diserahkan" in out.output
    assert "Perekaman" in out.output

    # A viewer may not look residents up: the CLI says why and fails.
    out = runner.invoke(ektp, ["dashboard", "resident", n, "--url", url],
                        env={"EKTP_TOKEN": viewer})
    assert out.exit_code == 1 and "HTTP 403" in out.output

    report = tmp_path / "progres.csv"
    out = runner.invoke(ektp, ["dashboard", "export", "--out", str(report), "--url", url],
                        env={"EKTP_TOKEN": viewer})
    assert out.exit_code == 0, out.output
    lines = report.read_text().splitlines()
    assert lines[1].split(",")[3:6] == ["2", "1", "0"]  # target, recorded, sent

    out = runner.invoke(ektp, ["dashboard", "stuck", "--url", url, "--hours", "1"],
                        env={"EKTP_TOKEN": clerk, "COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert other in out.output and "BELUM_REKAM" in out.output


async def test_the_cli_says_so_when_the_dashboard_is_not_running(make_token):
    out = CliRunner().invoke(ektp, ["dashboard", "progress", "--url", "http://127.0.0.1:9"],
                             env={"EKTP_TOKEN": make_token(role="viewer")})
    assert out.exit_code == 1 and "does not answer" in out.output
