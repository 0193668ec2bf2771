"""``quorate deadlines``: the statutory dates for a meeting (pure: no Django, no database)."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date

from quorate.adapters.bankholidays import calendar_for_meeting
from quorate.cli import CommandError
from quorate.core.timing import (
    CalendarRangeError,
    TimingRules,
    TimingRulesError,
    format_day,
    statutory_deadlines,
)

NAME = "deadlines"
HELP = "the statutory publication and notice dates for a meeting"
DESCRIPTION = """\
Prints the latest dates for a meeting on --meeting-date:

  publish_by                   agenda and reports: the latest working day leaving at
                               least --clear-days (default 5) clear working days
  key_decision_notice_by       28 clear days' notice of a key decision
  private_meeting_notice_by    28 clear days' notice of a private (Part 2) meeting
  private_meeting_final_notice_by   the further notice, 5 clear days before
  general_exception_notice_by  general exception: 5 clear days' notice of intention

Clear days exclude both the day of publication and the day of the meeting; working days
exclude weekends and England and Wales bank holidays.

examples:
  quorate deadlines --meeting-date 2013-05-29
  quorate deadlines --meeting-date 2024-01-25 --json
"""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--meeting-date", required=True, metavar="YYYY-MM-DD", help="the day of the meeting"
    )
    parser.add_argument(
        "--clear-days",
        type=int,
        default=5,
        metavar="N",
        help="clear working days needed between publication and the meeting (default 5)",
    )
    parser.add_argument(
        "--notice-days",
        type=int,
        default=28,
        metavar="N",
        help="clear days' notice of a key decision or a private meeting (default 28)",
    )
    parser.add_argument(
        "--notices-on-working-days",
        action="store_true",
        help="move a notice date that falls on a weekend or bank holiday back a working day",
    )
    parser.add_argument("--json", action="store_true", help="print JSON to stdout")


def parse_meeting_date(text: str) -> date:
    if not _ISO_DATE.fullmatch(text):
        raise CommandError(f"--meeting-date: expected a date as YYYY-MM-DD, got {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--meeting-date: {text!r} is not a real date ({exc})") from None


def run(args: argparse.Namespace) -> int:
    meeting = parse_meeting_date(args.meeting_date)
    try:
        rules = TimingRules(
            agenda_clear_working_days=args.clear_days,
            key_decision_clear_days=args.notice_days,
            private_meeting_clear_days=args.notice_days,
            notices_on_working_days=args.notices_on_working_days,
        )
    except TimingRulesError as exc:
        option = {
            "agenda_clear_working_days": "--clear-days",
            "key_decision_clear_days": "--notice-days",
            "private_meeting_clear_days": "--notice-days",
        }.get(exc.field, exc.field)
        raise CommandError(f"{option}: {exc.problem}") from None
    # Reach back far enough for the longest deadline (each working day ~1.4 days, plus
    # bank holidays at Christmas and Easter).
    lookback = max(args.notice_days, args.clear_days * 2) + 31
    try:
        deadlines = statutory_deadlines(meeting, calendar_for_meeting(meeting, lookback), rules)
    except (CalendarRangeError, OverflowError, ValueError) as exc:
        raise CommandError(
            f"--meeting-date: cannot compute deadlines for {meeting}: {exc}"
        ) from None

    if args.json:
        out: dict[str, object] = dict(deadlines.as_dict())
        out["clear_working_days"] = rules.agenda_clear_working_days
        out["notice_clear_days"] = rules.key_decision_clear_days
        out["bank_holidays"] = "England and Wales"
        print(json.dumps(out, indent=2))
        return 0

    rows = [
        ("Meeting", deadlines.meeting_date, ""),
        (
            "Publish agenda and reports by",
            deadlines.publish_by,
            f"{rules.agenda_clear_working_days} clear working days",
        ),
        (
            "Key decision notice by",
            deadlines.key_decision_notice_by,
            f"{rules.key_decision_clear_days} clear days",
        ),
        (
            "Private meeting notice by",
            deadlines.private_meeting_notice_by,
            f"{rules.private_meeting_clear_days} clear days",
        ),
        (
            "Private meeting final notice by",
            deadlines.private_meeting_final_notice_by,
            f"{rules.private_meeting_final_notice_clear_days} clear days",
        ),
        (
            "General exception notice by",
            deadlines.general_exception_notice_by,
            f"{rules.general_exception_clear_days} clear days",
        ),
    ]
    width = max(len(label) for label, _, _ in rows) + 1
    for label, day, note in rows:
        suffix = f"  ({note})" if note else ""
        print(f"{label + ':':<{width}} {format_day(day)}  {day.isoformat()}{suffix}")
    return 0
