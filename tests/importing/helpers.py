"""The packaged seed papers (byte-identical copies of shared/seeds) and import helpers."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from quorate.importing.service import import_pack_text
from quorate.importing.summary import FileResult

HCPB = "000_southampton_hcpb_2024-01-25.txt"
JCB = "001_southampton_jcb_2018-06-11.txt"
PORTSMOUTH = "003_portsmouth_hwb_2023-06-28.txt"
HWB = "004_southampton_hwb_2013-05-29.txt"
SEEDS = (HCPB, JCB, PORTSMOUTH, HWB)


def seed_path(name: str) -> Path:
    return Path(str(resources.files("quorate.demo").joinpath("seeds", name)))


def seed_text(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")


def import_seed(name: str, **kw) -> FileResult:
    result = import_pack_text(seed_text(name), file=name, **kw)
    assert result.ok, result.error
    return result
