"""Any slice of a real pack imports cleanly or fails cleanly: never an unhandled error."""

import random
from importlib import resources

import pytest

from quorate.demo import loader
from quorate.importing.service import import_pack_text

pytestmark = pytest.mark.django_db


def test_random_slices_of_the_seed_papers_import_without_error():
    loader.load_reference(loader.default_data())
    rng = random.Random(20261122)
    seeds = sorted(
        p
        for p in resources.files("quorate.demo").joinpath("seeds").iterdir()
        if p.name.endswith(".txt")
    )
    failures = []
    for seed in seeds:
        lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
        for _ in range(4):
            start = rng.randrange(len(lines))
            end = min(len(lines), start + rng.randrange(5, 400))
            name = f"{seed.name}[{start}:{end}]"
            result = import_pack_text("".join(lines[start:end]), file=name, dry_run=True)
            if not result.ok:
                failures.append(result.error)
    assert not failures
