"""``quorate import-observations FILE --indicator SLUG``: load a CSV or Excel file of figures."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from quorate.cli import CommandError, django_setup

NAME = "import-observations"
HELP = "import an indicator's observations (and planned values) from a CSV or Excel file"
DESCRIPTION = """\
Import one indicator's figures from a .csv or .xlsx file with a header row:

  period     required: 2023-04-01, 2023-04, April 2023, Q1 2023/24 or 2023/24
  value      a number as printed ("272.00*", "95.31%", "£1,234"), or
             "data not available" / "n/a" / "***" (also accepted as: actual)
  status     actual (default), estimate or provisional
  planned    the planned value for the period (optional)
  footnote   the footnote text for the value's marker (optional)

Every row is checked first; if any row is wrong, every problem is listed (row number,
column, what is wrong) and nothing is stored. A figure that differs from the one already
held for its period is stored as a new revision; the old one is kept.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
    parser.add_argument("--indicator", required=True, help="the indicator's slug")
    parser.add_argument("--sheet", help="the worksheet to read (default: the first)")
    parser.add_argument(
        "--meeting", help="the meeting the figures were reported to (its id or URL slug)"
    )
    parser.add_argument(
        "--recorded-on",
        type=dt.date.fromisoformat,
        help="the date the figures were reported, YYYY-MM-DD (default: now)",
    )
    parser.add_argument("--reason", default="", help="why figures changed (kept with revisions)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run(args: argparse.Namespace) -> int:
    django_setup()
    from django.core.exceptions import ValidationError

    from quorate.adapters.excel_observations import ObservationFileError
    from quorate.governance.models import Meeting
    from quorate.performance import services
    from quorate.performance.importing import ImportFailed
    from quorate.performance.models import Indicator
    from quorate.performance.models.observations import LONDON
    from quorate.views.portal.pages import meeting_key

    indicator = Indicator.objects.filter(slug=args.indicator).first()
    if indicator is None:
        raise CommandError(f"--indicator: no indicator with slug {args.indicator!r}")
    meeting = None
    if args.meeting:
        meeting = Meeting.objects.filter(meeting_key(str(args.meeting))).first()
        if meeting is None:
            raise CommandError(f"--meeting: no meeting {args.meeting!r}")
    recorded_at = None
    if args.recorded_on:
        recorded_at = dt.datetime.combine(args.recorded_on, dt.time(9), tzinfo=LONDON)
    print(f"importing {args.file} into {indicator.name}", file=sys.stderr)
    try:
        summary = services.import_observations_file(
            indicator,
            args.file,
            sheet=args.sheet,
            recorded_at=recorded_at,
            reported_to=meeting,
            reason=args.reason,
            actor=NAME,
            progress=lambda step: print(f"  {step}", file=sys.stderr),
        )
    except ObservationFileError as exc:
        raise CommandError(str(exc)) from exc
    except ImportFailed as exc:
        for error in exc.errors:
            print(f"{args.file}: {error}", file=sys.stderr)
        raise CommandError(
            f"{args.file}: {len(exc.errors)} problem(s) found; nothing was imported"
        ) from exc
    except ValidationError as exc:
        raise CommandError(f"{args.file}: {'; '.join(exc.messages)}; nothing was imported") from exc
    result = {
        "indicator": indicator.slug,
        "rows": summary.rows,
        "new_revisions": summary.new_revisions,
        "unchanged": summary.unchanged,
        "planned_values": summary.planned_values,
    }
    print(
        f"{summary.rows} rows: {summary.new_revisions} new or revised figures, "
        f"{summary.unchanged} unchanged, {summary.planned_values} planned values",
        file=sys.stderr,
    )
    if args.json:
        print(json.dumps(result))
    return 0
