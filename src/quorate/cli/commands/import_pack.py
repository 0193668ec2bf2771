"""``quorate import-pack FILE...``: store what board papers contain through the normal
services (idempotent; one transaction per file)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the module is imported before Django is set up
    from quorate.importing.summary import FileResult

NAME = "import-pack"
HELP = "parse board papers (.txt or .pdf) and store their meetings, minutes and actions"
DESCRIPTION = """\
Reads each board paper or Public Document Pack (.txt as extracted from a PDF, or .pdf)
and stores what it holds through Quorate's normal services: bodies, people (matched to
people already held by name and initials), meetings, agenda items, report cover sheets,
attendance, minutes, resolutions and actions (from the minutes' Action column and the
action tracker, with its dated progress log).

Importing a file twice changes nothing; a re-issued pack updates what changed. Each file
is one transaction: if it fails (or cannot be read: empty, binary, not a PDF) nothing
from it is stored, the other files still import, and the exit status is 1.

The summary (created / updated / unchanged per kind) and warnings citing line numbers
go to stderr; with --json the summary is printed on stdout as JSON instead."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE", help=".txt or .pdf")
    parser.add_argument(
        "--body",
        metavar="NAME",
        help="the body the pack belongs to, where the text does not name it unambiguously "
        "(created if Quorate does not hold it)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="parse and match, report, store nothing"
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")


def _line(result: FileResult) -> str:
    if not result.ok:
        return f"failed   {result.error}"
    made, changed = result.total("created"), result.total("updated")
    same = result.total("unchanged")
    verb = "checked " if result.dry_run else "imported"
    return f"{verb} {result.file}: {made} created, {changed} updated, {same} unchanged"


def run(args: argparse.Namespace) -> int:
    from quorate.cli import django_setup

    django_setup()
    from tqdm import tqdm

    from quorate.importing.service import import_files

    bar = tqdm(
        args.files,
        desc="import-pack",
        unit="file",
        file=sys.stderr,
        disable=not sys.stderr.isatty(),
        leave=False,
    )

    def reported(result: FileResult) -> None:
        bar.set_postfix_str(Path(result.file).name)
        tqdm.write(f"quorate import-pack: {_line(result)}", file=sys.stderr)

    summary = import_files(bar, body=args.body, dry_run=args.dry_run, progress=reported)
    bar.close()
    if args.json:
        json.dump(summary.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    text = summary.render()
    if args.json:  # the counts are in the JSON; keep failures and warnings on stderr
        text = "".join(ln + "\n" for ln in text.splitlines() if ln.startswith(("FAILED", "warn")))
    sys.stderr.write(text)
    return 0 if summary.ok else 1
