"""``quorate parse-pack FILE [--json]``: what a board paper or pack contains, without
touching the database. ``--json`` prints ``quorate-pack/1`` (shared/schemas/pack.schema.json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "parse-pack"
HELP = "parse a board paper or pack (.txt extraction or .pdf) and print what it contains"
DESCRIPTION = """\
Reads a board paper or Public Document Pack (.txt as extracted from a PDF, or .pdf) and
prints the documents found in it, in order: agenda front sheet, minutes, action tracker,
report cover sheets, appendices, decision records. Nothing is stored.

With --json the output follows schemas/pack.schema.json (schema "quorate-pack/1");
warnings cite line numbers (and page numbers for a PDF). Exit status 2 when the file
cannot be read (missing, empty, binary, not a PDF, encrypted)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a .txt extraction or a .pdf")
    parser.add_argument("--json", action="store_true", help="print quorate-pack/1 JSON on stdout")


def run(args: argparse.Namespace) -> int:
    from quorate.adapters.textextract import ExtractionError, extract
    from quorate.cli import CommandError
    from quorate.core.packtext import parse_pages, to_json
    from quorate.core.packtext.summary import summary

    path: Path = args.file
    try:
        extracted = extract(path)
    except ExtractionError as exc:
        raise CommandError(str(exc)) from exc
    pack = parse_pages(extracted.pages, file=str(path), pdf=extracted.pdf)
    if not pack.documents:
        raise CommandError(f"{path}: no text found to parse")
    if args.json:
        json.dump(to_json(pack), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(pack))
    for warning in pack.warnings:
        where = f"line {warning.line}" if warning.line else "file"
        if warning.page:
            where += f", page {warning.page}"
        print(f"quorate parse-pack: warning: {path}: {where}: {warning.message}", file=sys.stderr)
    return 0
