"""The ``quorate`` console script.

Each sub-command lives in its own module under ``quorate.cli.commands`` and exposes
``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``. Commands that
need the database call :func:`quorate.cli.django_setup` first; pure commands
(``spc``, ``parse-pack``, ``deadlines``) never load Django.

Contract (``shared/CONTRACTS.md``): ``--help`` works everywhere, errors go to stderr
with a non-zero exit status, and ``--json`` output alone goes to stdout.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from quorate import __version__
from quorate.cli import commands


class CommandError(Exception):
    """A user-facing failure: printed to stderr as ``quorate: <message>``, exit status 2."""


def django_setup(*, serves_requests: bool = False) -> None:
    """Load Django. A command that serves no web requests (``serves_requests=False``) runs
    without a configured ``SECRET_KEY``; a missing setting is a :class:`CommandError`."""
    import os

    import django
    from django.core.exceptions import ImproperlyConfigured

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quorate.settings")
    if not serves_requests:
        os.environ.setdefault("QUORATE_OFFLINE", "1")
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise CommandError(str(exc)) from exc


def _command_modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.iter_modules(commands.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            found.append(module)
    return sorted(found, key=lambda m: m.NAME)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quorate",
        description="Quorate: governance and performance assurance for partnership boards.",
    )
    parser.add_argument("--version", action="version", version=f"quorate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _command_modules():
        command = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=getattr(module, "DESCRIPTION", module.HELP),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(command)
        command.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._run(args) or 0)
    except CommandError as exc:
        print(f"quorate {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("quorate: interrupted", file=sys.stderr)
        return 130
