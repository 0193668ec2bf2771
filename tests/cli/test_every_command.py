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
