"""CONTRACTS.md: the console script exists and every command answers --help."""

import subprocess
import sys
from pathlib import Path

import pytest

from quorate.cli import _command_modules, main

CONTRACT_COMMANDS = {"parse-pack", "import-pack", "deadlines", "spc", "compile-pack"}
NAMES = sorted(m.NAME for m in _command_modules())


def test_every_contract_command_exists():
    assert set(NAMES) >= CONTRACT_COMMANDS


@pytest.mark.parametrize("name", NAMES)
def test_command_help_exits_zero_and_describes_it(name, capsys):
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert f"quorate {name}" in out and "usage:" in out


def test_console_script_help_lists_every_command():
    script = Path(sys.executable).with_name("quorate")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for name in NAMES:
        assert name in result.stdout


def test_unknown_command_fails_with_status_2():
    with pytest.raises(SystemExit) as done:
        main(["no-such-command"])
    assert done.value.code == 2


def _production_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a server with no DEBUG and no SECRET_KEY, as a clerk's shell has."""
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "SECRET_KEY",
            "QUORATE_TESTING",
            "QUORATE_OFFLINE",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",  # its own SQLite database under QUORATE_VAR_DIR, whatever CI uses
        }
        and not k.startswith("PYTEST")
    }
    env["QUORATE_VAR_DIR"] = str(tmp_path / "var")
    return env


def test_database_commands_run_without_a_secret_key_and_fail_in_one_line(tmp_path):
    script = str(Path(sys.executable).with_name("quorate"))
    env = _production_env(tmp_path)
    # Django's own commands may serve requests (runserver), so they still need the key: said
    # in one line, no traceback.
    refused = subprocess.run(
        [script, "manage", "check"], capture_output=True, text=True, env=env, timeout=120
    )
    assert refused.returncode == 2
    assert "SECRET_KEY is not set" in refused.stderr and "Traceback" not in refused.stderr
    migrated = subprocess.run(
        [script, "manage", "migrate", "-v", "0"],
        capture_output=True,
        text=True,
        env={**env, "SECRET_KEY": "x" * 50},
        timeout=300,
    )
    assert migrated.returncode == 0, migrated.stderr
    # compile-pack serves no requests: it runs without the key and names what is wrong.
    missing = subprocess.run(
        [script, "compile-pack", "no-such-meeting", "-o", str(tmp_path / "p.pdf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 2, missing.stderr
    assert "no-such-meeting" in missing.stderr and "Traceback" not in missing.stderr
