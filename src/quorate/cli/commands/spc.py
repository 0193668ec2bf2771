"""``quorate spc FILE [--json]``: Making Data Count SPC for the cases of an spc-vectors/1 file.

Pure: no Django. The engine is :mod:`quorate.core.spc`; this module reads the file, reports
errors that name the file, case and field, and prints JSON or a readable table.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from quorate.cli import CommandError
from quorate.core.spc.vectors import RESULTS_SCHEMA, SpcCaseError, run_case, runnable_cases

NAME = "spc"
HELP = "Making Data Count SPC (XmR limits, special causes, icons) for an spc-vectors/1 file"
DESCRIPTION = """\
Computes XmR charts the Making Data Count way (NHSRplotthedots v0.2.2 by default) for every
case in FILE, a JSON document in the spc-vectors/1 format (shared/spc-vectors/README.md):

  series      values (and dates) -> limit groups, per-point special causes, variation icon,
              assurance type and icon
  assurance   a target against limits -> assurance type and icon
  limits      values -> mean, lpl, upl, nlpl, nupl
  rule        building blocks for unit tests: skipped, with a note on stderr

Case options: improvement_direction, target, rebase_at, rebase_dates, fix_after_n_points,
screen_outliers, limit_multiplier (default 2.66) and variant, an object with any of
two_in_three (ptd | mdc2023 | powerbi), conflict (precedence | improvement_wins),
min_points, trend_n, shift_n. FILE may be - for standard input.

examples:
  quorate spc shared/spc-vectors/nhsrplotthedots_cases.json
  quorate spc cases.json --json > results.json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="an spc-vectors/1 JSON file, or -")
    parser.add_argument("--json", action="store_true", help="print spc-results/1 JSON to stdout")


def _read(name: str) -> object:
    if name == "-":
        text = sys.stdin.read()
    else:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise CommandError(f"{name}: is a directory, not a file") from None
        except UnicodeDecodeError:
            raise CommandError(f"{name}: not UTF-8 text") from None
        except OSError as exc:
            raise CommandError(f"{name}: cannot read ({exc.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CommandError(
            f"{name}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None


def run(args: argparse.Namespace) -> int:
    document = _read(args.file)
    try:
        cases, skipped = runnable_cases(document)
        results = []
        for position, case in cases:
            try:
                results.append({"id": case["id"], **run_case(case, position)})
            except SpcCaseError:
                raise
            except ValueError as exc:  # an engine check the case parser did not anticipate
                raise SpcCaseError(f"case {case['id']!r}: {exc}") from None
    except SpcCaseError as exc:
        raise CommandError(f"{args.file}: {exc}") from None
    if skipped:
        shown = ", ".join(skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        print(
            f"quorate spc: skipped {len(skipped)} rule case(s), building blocks for unit "
            f"tests: {shown}",
            file=sys.stderr,
        )
    if args.json:
        json.dump({"schema": RESULTS_SCHEMA, "results": results}, sys.stdout)
        sys.stdout.write("\n")
    else:
        for result in results:
            print_table(result)
    return 0


def _num(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def print_table(result: Mapping[str, Any]) -> None:
    """A readable summary of one case's results."""
    print(f"== {result['id']}")
    if "groups" in result:
        for i, g in enumerate(result["groups"]):
            warn = "  (short group: fewer than 13 points)" if g["short_group_warning"] else ""
            print(
                f"  group {i}: rows {g['start']}-{g['end']}  n={g['n']}  mean={_num(g['mean'])}"
                f"  lpl={_num(g['lpl'])}  upl={_num(g['upl'])}{warn}"
            )
        pts = result["points"]
        print(f"  {'row':>4} {'group':>5} {'side':>4}  {'special cause':<28} point type")
        for i, label in enumerate(pts["special_cause_type"]):
            side = {1: "+", -1: "-", 0: "0", None: "?"}[pts["relative_to_mean"][i]]
            print(
                f"  {i:>4} {pts['rebase_group'][i]:>5} {side:>4}  {label:<28} "
                f"{pts['point_type'][i]}"
            )
        print(f"  variation icon: {_num(result['variation_icon'])}")
    if "assurance_type" in result:
        print(
            f"  assurance: {_num(result['assurance_type'])}"
            f"  (icon: {_num(result['assurance_icon'])})"
        )
    if "mean" in result and "groups" not in result:
        print(
            "  "
            + "  ".join(f"{k}={_num(result[k])}" for k in ("mean", "lpl", "upl", "nlpl", "nupl"))
        )
