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


def test_a_kit_key_is_private_from_its_first_byte_and_never_overwritten(tmp_path, monkeypatch):
    import os
    import stat

    key = tmp_path / "kit.key"
    modes: list[int] = []
    real_open = os.open

    def watching_open(path, flags, mode=0o777, *args, **kwargs):
        if str(path) == str(key):
            modes.append(mode)
            assert flags & os.O_EXCL, "the key file must be created, never reused"
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", watching_open)
    assert runner.invoke(app, ["kit-keygen", str(key)]).exit_code == 0
    assert modes == [0o600] and stat.S_IMODE(key.stat().st_mode) == 0o600
    before = key.read_bytes()
    again = runner.invoke(app, ["kit-keygen", str(key)])
    assert again.exit_code == 1 and "tidak ditimpa" in again.output
    assert key.read_bytes() == before
