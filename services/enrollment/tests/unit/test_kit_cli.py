"""On the kit: kit-keygen, then kit-sign writes a file the office's import accepts."""

import json

from typer.testing import CliRunner

from ektp_enrollment.domain.kitfile import read_kit_file, verify_kit_file
from ektp_enrollment.entrypoints.cli import app

runner = CliRunner()


def test_a_kit_signs_its_recordings_and_the_office_can_verify_them(tmp_path):
    key = tmp_path / "kit.key"
    made = runner.invoke(app, ["kit-keygen", str(key)])
    assert made.exit_code == 0, made.output
    public_key = made.output.strip()
    records = tmp_path / "hari-ini.jsonl"
    records.write_text("\n".join(json.dumps(
        {"record_id": f"r{n}", "recorded_at": "2026-11-27T09:00:00+08:00", "operator": "rina",
         "data": {"nik": f"711001450190000{n}"}}) for n in range(1, 4)) + "\n")
    signed = tmp_path / "kit.ektp"
    result = runner.invoke(app, ["kit-sign", str(key), str(records), str(signed),
                                 "--kit-id", "KIT-NUANGAN-1"])
    assert result.exit_code == 0, result.output
    kit = read_kit_file(signed.read_bytes())
    verify_kit_file(kit, public_key)  # raises if the signature does not hold
    assert kit.kit_id == "KIT-NUANGAN-1" and len(kit.lines) == 3


def test_a_broken_records_file_is_refused_naming_the_line(tmp_path):
    key = tmp_path / "kit.key"
    runner.invoke(app, ["kit-keygen", str(key)])
    records = tmp_path / "r.jsonl"
    records.write_text('{"record_id": "r1", "data": {}}\n{oops\n')
    result = runner.invoke(app, ["kit-sign", str(key), str(records), str(tmp_path / "o"),
                                 "--kit-id", "K"])
    assert result.exit_code == 1
    assert "baris 2" in result.output
