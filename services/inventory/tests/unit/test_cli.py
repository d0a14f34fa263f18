"""The ``ektp inventory`` commands build the right requests and show problems plainly."""

from __future__ import annotations

import json

import httpx
from typer.testing import CliRunner

from ektp_inventory.entrypoints import cli


def test_receive_sends_ranges_with_an_idempotency_key(monkeypatch):
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json={
            "batch_reference": "470/1", "quantity": 7000, "first_serial": "BLK000001",
            "last_serial": "BLK007000", "letter_number": "470/1", "letter_date": "2025-11-03"})

    monkeypatch.setattr(cli, "transport", httpx.MockTransport(answer))
    result = CliRunner().invoke(cli.app, [
        "receive", "--letter-number", "470/1", "--letter-date", "2025-11-03",
        "--range", "BLK000001..BLK007000", "--quantity", "7000", "--token", "t"])
    assert result.exit_code == 0, result.output
    body = json.loads(seen[0].content)
    assert body["ranges"] == [{"first": "BLK000001", "last": "BLK007000"}]
    assert body["letter_date"] == "2025-11-03" and body["quantity"] == 7000
    assert seen[0].headers["Idempotency-Key"] and seen[0].headers["Authorization"] == "Bearer t"
    assert '"first_serial": "BLK000001"' in result.output  # the typed answer, shown


def test_a_refusal_is_printed_for_the_clerk(monkeypatch):
    monkeypatch.setattr(cli, "transport", httpx.MockTransport(lambda r: httpx.Response(
        409, json={"type": "https://ektp.example.go.id/problems/serials-wrong-state", "status": 409,
                   "title": "Serials already received", "detail": "3 serial(s) ..."})))
    result = CliRunner().invoke(cli.app, [
        "receive", "--letter-number", "x", "--letter-date", "2025-11-03",
        "--range", "A1..A3", "--token", "t"])
    assert result.exit_code == 1 and "Serials already received" in result.output


def test_report_writes_the_csv(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "transport", httpx.MockTransport(lambda r: httpx.Response(
        200, text="day,opening\n", headers={"content-type": "text/csv"})))
    out = tmp_path / "r.csv"
    result = CliRunner().invoke(cli.app, ["report", "--from", "2025-11-01", "--to",
                                          "2025-11-30", "--out", str(out), "--token", "t"])
    assert result.exit_code == 0 and out.read_text() == "day,opening\n"
