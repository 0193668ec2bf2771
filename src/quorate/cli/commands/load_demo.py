"""``quorate load-demo``: load the Southampton boards of the seed papers (idempotent)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quorate.cli import CommandError, django_setup

NAME = "load-demo"
HELP = "load the demo: boards and people, then the seed papers through import-pack"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, help="a demo data file (default: the built-in one)")
    parser.add_argument("--no-users", action="store_true", help="do not create the demo logins")


def run(args: argparse.Namespace) -> int:
    django_setup()
    from quorate.demo import loader

    if args.data:
        try:
            data = json.loads(args.data.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"{args.data}: {exc}") from exc
    else:
        data = loader.default_data()
    try:
        summary = loader.load_demo(
            data, progress=lambda step: print(f"  loaded {step}", file=sys.stderr)
        )
    except (ValueError, KeyError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    print("Demo data: " + ", ".join(f"{n} {k}" for k, n in summary.counts.items()), file=sys.stderr)
    made = sum(r.total("created") for r in summary.packs)
    changed = sum(r.total("updated") for r in summary.packs)
    print(
        f"Demo papers: {len(summary.packs)} pack(s) imported, {made} created, {changed} updated",
        file=sys.stderr,
    )
    for hook in loader.extra_loaders():
        hook()
    if not args.no_users:
        for role, user, password in loader.ensure_demo_users():
            print(f"  demo {role} login: {user} / {password}", file=sys.stderr)
    return 0
