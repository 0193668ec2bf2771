"""``quorate import-pack FILE...``: store what board papers contain through the normal
services (idempotent; one transaction per file)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

Progress goes to stderr: on a terminal, a bar counting files with the current file's
stage (reading, parsing N pages, storing document n of N); otherwise a line at most every
few seconds while a file takes long (none with --json). The summary (created / updated /
unchanged per kind) and warnings citing line numbers go to stderr; with --json the
summary is printed on stdout as JSON instead."""

PROGRESS_EVERY = 2.0  # seconds between progress lines when stderr is not a terminal
REFRESH_EVERY = 0.1  # seconds between redraws of the bar on a terminal


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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _describe(
    file: Path, stage: str, done: int, total: int, *, pages: int | None, dry_run: bool
) -> str:
    if stage == "read":
        return f"{file}: reading"
    if stage == "parse":
        return f"{file}: parsing {_count(total, 'page')}"
    if done == 0:
        parsed = f"{_count(pages, 'page')} parsed, " if pages is not None else ""
        return f"{file}: {parsed}{_count(total, 'document')} to {'check' if dry_run else 'store'}"
    return f"{file}: {'checked' if dry_run else 'stored'} {done} of {_count(total, 'document')}"


def _clock() -> float:
    return time.monotonic()


class _WithinFile:
    """Shows the stage reached within the file being imported: on a terminal in the files
    bar (redrawn at most every REFRESH_EVERY seconds); otherwise as lines on stderr, the
    first once the file has taken PROGRESS_EVERY seconds and then at most that often."""

    def __init__(
        self,
        bar: Any,
        *,
        terminal: bool,
        lines: bool,
        dry_run: bool,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.bar, self.terminal, self.lines, self.dry_run = bar, terminal, lines, dry_run
        self.clock = clock or _clock
        self.file: Path | None = None
        self.pages: int | None = None
        self.last = 0.0
        self.shown = False

    def __call__(self, file: Path, stage: str, done: int, total: int) -> None:
        now = self.clock()
        if file != self.file:  # a new file: wait before the first line
            self.file, self.last, self.shown, self.pages = file, now, False, None
        if stage == "parse":
            self.pages = total
        text = _describe(file, stage, done, total, pages=self.pages, dry_run=self.dry_run)
        if self.terminal:
            self.bar.set_postfix_str(text, refresh=False)
            if now - self.last >= REFRESH_EVERY:
                self.bar.refresh()
                self.last = now
            return
        last_document = stage == "store" and done == total and self.shown
        if self.lines and (now - self.last >= PROGRESS_EVERY or last_document):
            sys.stderr.write(f"quorate import-pack: {text}\n")
            sys.stderr.flush()
            self.last, self.shown = now, True


def run(args: argparse.Namespace) -> int:
    from quorate.cli import django_setup

    django_setup()
    from tqdm import tqdm

    from quorate.importing.service import import_files

    terminal = sys.stderr.isatty()
    bar = tqdm(
        args.files,
        desc="import-pack",
        unit="file",
        file=sys.stderr,
        disable=not terminal,
        leave=False,
    )
    within = _WithinFile(bar, terminal=terminal, lines=not args.json, dry_run=args.dry_run)

    def reported(result: FileResult) -> None:
        bar.set_postfix_str(Path(result.file).name)
        tqdm.write(f"quorate import-pack: {_line(result)}", file=sys.stderr)

    summary = import_files(
        bar, body=args.body, dry_run=args.dry_run, progress=reported, step=within
    )
    bar.close()
    if args.json:
        json.dump(summary.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    text = summary.render()
    if args.json:  # the counts are in the JSON; keep failures and warnings on stderr
        text = "".join(ln + "\n" for ln in text.splitlines() if ln.startswith(("FAILED", "warn")))
    sys.stderr.write(text)
    return 0 if summary.ok else 1
