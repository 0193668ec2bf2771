"""``quorate manage ...``: Django's management commands (migrate, runserver, createsuperuser...)."""

from __future__ import annotations

import argparse

NAME = "manage"
HELP = "run a Django management command (migrate, runserver, shell, ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "rest", nargs=argparse.REMAINDER, help="the management command and its arguments"
    )


def run(args: argparse.Namespace) -> int:
    from quorate.cli import django_setup

    # Django's own commands include runserver, which serves requests: it needs the real key.
    django_setup(serves_requests=True)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["quorate manage", *args.rest])
    return 0
