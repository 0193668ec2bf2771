"""Statutory timing: clear days, clear working days and the deadlines of a meeting.

Vocabulary (see ``docs/timing-and-quorum.md``):

* **clear days** between two dates are the whole days strictly between them: neither the
  day of publication nor the day of the meeting counts.
* **working days** are Monday to Friday except England and Wales bank holidays (which are
  passed in as data in a :class:`WorkingCalendar`; nothing here reads a clock or a file).
* **clear working days** are the working days strictly between two dates.

The defaults follow the Local Government Act 1972 s.100B (agenda and reports open to
inspection five clear working days before the meeting) and the 2012 Executive Arrangements
Regulations (SI 2012/2089): 28 clear days' notice of a key decision (reg 9) and of a
private meeting (reg 5), with a further notice five clear days before a private meeting,
and five clear days after a general-exception notice (reg 10). Each body may override
them through :class:`TimingRules`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

ONE_DAY = timedelta(days=1)
_SEARCH_LIMIT_DAYS = 3660  # no real calendar has ten years without a working day

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip


class CalendarRangeError(ValueError):
    """A date falls outside the years for which the calendar holds bank holidays."""


def format_day(day: date) -> str:
    """``Wed 17 Jan 2024``: locale-independent, as printed in messages."""
    return f"{_DAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class WorkingCalendar:
    """Weekends plus the given bank holidays are not working days.

    ``first_year``/``last_year`` (inclusive) say which years ``bank_holidays`` covers; when
    given, asking about a day outside them raises :class:`CalendarRangeError` instead of
    silently treating an unknown bank holiday as a working day.
    """

    bank_holidays: frozenset[date] = frozenset()
    first_year: int | None = None
    last_year: int | None = None

    def _check(self, day: date) -> None:
        if (self.first_year is not None and day.year < self.first_year) or (
            self.last_year is not None and day.year > self.last_year
        ):
            raise CalendarRangeError(
                f"no bank-holiday data for {day.isoformat()}: the calendar covers "
                f"{self.first_year}-{self.last_year}"
            )

    def is_working_day(self, day: date) -> bool:
        self._check(day)
        return day.weekday() < 5 and day not in self.bank_holidays

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        return self._step(day, -ONE_DAY)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self._step(day, ONE_DAY)

    def _step(self, day: date, step: timedelta) -> date:
        for _ in range(_SEARCH_LIMIT_DAYS):
            day = day + step
            if self.is_working_day(day):
                return day
        raise CalendarRangeError(f"no working day within ten years of {day.isoformat()}")


def clear_days(start: date, end: date) -> int:
    """Whole days strictly between ``start`` and ``end`` (0 if ``end`` is not after ``start``)."""
    return max(0, (end - start).days - 1)


def clear_working_days(start: date, end: date, calendar: WorkingCalendar) -> int:
    """Working days strictly between ``start`` and ``end``."""
    count = 0
    day = start + ONE_DAY
    while day < end:
        if calendar.is_working_day(day):
            count += 1
        day += ONE_DAY
    return count


def working_days_until(today: date, deadline: date, calendar: WorkingCalendar) -> int:
    """Working days after ``today`` up to and including ``deadline`` (0 if due today or past)."""
    count = 0
    day = today + ONE_DAY
    while day <= deadline:
        if calendar.is_working_day(day):
            count += 1
        day += ONE_DAY
    return count


def latest_day_leaving_clear_days(meeting_date: date, days: int) -> date:
    """The latest day that leaves at least ``days`` clear days before ``meeting_date``."""
    _require_non_negative("days", days)
    return meeting_date - timedelta(days=days + 1)


def publish_by(meeting_date: date, calendar: WorkingCalendar, clear_working_days: int = 5) -> date:
    """The latest working day that leaves ``clear_working_days`` clear working days.

    Walks back from the day before the meeting: the first ``clear_working_days`` working
    days met are the clear ones; the next working day before them is the deadline. So the
    result is a working day, exactly ``clear_working_days`` working days lie strictly
    between it and the meeting, and publishing on the next working day would leave one
    fewer. With 0 the deadline is the last working day before the meeting.
    """
    _require_non_negative("clear_working_days", clear_working_days)
    day = meeting_date
    for _ in range(clear_working_days):
        day = calendar.previous_working_day(day)
    return calendar.previous_working_day(day)


@dataclass(frozen=True)
class TimingRules:
    """One body's statutory timing settings (the defaults are the statutory minimums)."""

    agenda_clear_working_days: int = 5
    key_decision_clear_days: int = 28
    private_meeting_clear_days: int = 28
    private_meeting_final_notice_clear_days: int = 5
    general_exception_clear_days: int = 5
    # Some councils only publish notices on working days: move a notice deadline that
    # falls on a weekend or bank holiday back to the previous working day.
    notices_on_working_days: bool = False
    # "Warning" when the deadline is this many working days away or fewer.
    warning_working_days: int = 2

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "notices_on_working_days":
                if not isinstance(value, bool):
                    raise TimingRulesError(f.name, "must be true or false")
            else:
                _require_non_negative(f.name, value)

    def to_dict(self) -> dict[str, int | bool]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> TimingRules:
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise TimingRulesError(str(key), "is not a timing setting")
        return cls(**data)  # type: ignore[arg-type]  # each value is checked in __post_init__


class TimingRulesError(ValueError):
    """A timing setting is invalid; ``field`` names it."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _require_non_negative(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TimingRulesError(name, f"must be a whole number, not {value!r}")
    if value < 0:
        raise TimingRulesError(name, f"must not be negative, not {value}")


@dataclass(frozen=True)
class StatutoryDeadlines:
    """The latest dates for the publications and notices a meeting needs."""

    meeting_date: date
    publish_by: date
    key_decision_notice_by: date
    private_meeting_notice_by: date
    private_meeting_final_notice_by: date
    general_exception_notice_by: date

    def as_dict(self) -> dict[str, str]:
        """ISO dates keyed by field name (the ``quorate deadlines --json`` keys)."""
        return {name: value.isoformat() for name, value in asdict(self).items()}


def statutory_deadlines(
    meeting_date: date, calendar: WorkingCalendar, rules: TimingRules | None = None
) -> StatutoryDeadlines:
    rules = rules or TimingRules()

    def notice(days: int) -> date:
        day = latest_day_leaving_clear_days(meeting_date, days)
        if rules.notices_on_working_days and not calendar.is_working_day(day):
            day = calendar.previous_working_day(day)
        return day

    return StatutoryDeadlines(
        meeting_date=meeting_date,
        publish_by=publish_by(meeting_date, calendar, rules.agenda_clear_working_days),
        key_decision_notice_by=notice(rules.key_decision_clear_days),
        private_meeting_notice_by=notice(rules.private_meeting_clear_days),
        private_meeting_final_notice_by=notice(rules.private_meeting_final_notice_clear_days),
        general_exception_notice_by=notice(rules.general_exception_clear_days),
    )


class DeadlineState(StrEnum):
    MET = "met"
    MISSED = "missed"
    DUE = "due"
    WARNING = "warning"
    # The meeting has been held and nothing is recorded: not evidence of a miss (papers
    # imported from before Quorate, say), so shown neutrally rather than as an alarm.
    NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class DeadlineStatus:
    state: DeadlineState
    deadline: date
    done_on: date | None
    # Working days from "today" to the deadline (only while it is still open).
    working_days_left: int | None
    message: str
    # For publication: clear working days actually left before the meeting.
    clear_working_days: int | None = None


def local_date(moment: date | datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of a recorded moment, in ``tz`` (Europe/London, passed in).

    A plain ``date`` is returned as is; a naive ``datetime`` is taken as local already; an
    aware ``datetime`` needs ``tz`` so that 23:30 UTC in summer is counted as the next day.
    """
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            return moment.date()
        if tz is None:
            raise ValueError("an aware datetime needs tz (Europe/London) to find its date")
        return moment.astimezone(tz).date()
    return moment


def deadline_status(
    *,
    deadline: date,
    done_on: date | None,
    today: date,
    calendar: WorkingCalendar,
    what: str = "published",
    not_done: str = "",
    meeting_on: date | None = None,
    warning_working_days: int = 2,
) -> DeadlineStatus:
    """Met, missed, due in N working days, or inside the warning window.

    ``what`` completes "Met: ..." ("published", "notice published"); ``not_done`` says what
    did not happen when nothing is recorded ("the notice was not published"; by default
    "not <what>"). With ``meeting_on``, a meeting already held with nothing recorded is
    "not recorded" rather than missed: the record is absent, not the publication."""
    if done_on is not None:
        if done_on <= deadline:
            msg = f"Met: {what} {format_day(done_on)} (deadline {format_day(deadline)})"
            return DeadlineStatus(DeadlineState.MET, deadline, done_on, None, msg)
        late = working_days_until(deadline, done_on, calendar)
        msg = (
            f"Missed: {what} {format_day(done_on)}, {_plural(late, 'working day')} after "
            f"the deadline of {format_day(deadline)}"
        )
        return DeadlineStatus(DeadlineState.MISSED, deadline, done_on, None, msg)
    if meeting_on is not None and today > meeting_on:
        msg = (
            f"Not recorded: the meeting was held on {format_day(meeting_on)} and no date is "
            f"recorded; the deadline was {format_day(deadline)}"
        )
        return DeadlineStatus(DeadlineState.NOT_RECORDED, deadline, None, None, msg)
    if today > deadline:
        msg = f"Missed: {not_done or 'not ' + what}; the deadline was {format_day(deadline)}"
        return DeadlineStatus(DeadlineState.MISSED, deadline, None, None, msg)
    left = working_days_until(today, deadline, calendar)
    when = "due today" if left == 0 else f"due in {_plural(left, 'working day')}"
    if left <= warning_working_days:
        msg = f"Warning: {when} (by {format_day(deadline)})"
        return DeadlineStatus(DeadlineState.WARNING, deadline, None, left, msg)
    msg = f"Due in {_plural(left, 'working day')} (by {format_day(deadline)})"
    return DeadlineStatus(DeadlineState.DUE, deadline, None, left, msg)


def publication_status(
    *,
    meeting_date: date,
    published: date | datetime | None,
    today: date,
    calendar: WorkingCalendar,
    rules: TimingRules | None = None,
    tz: tzinfo | None = None,
) -> DeadlineStatus:
    """The agenda-publication status of a meeting, given when (if) it was published; for a
    meeting already held with no publication recorded, "not recorded"."""
    rules = rules or TimingRules()
    deadline = publish_by(meeting_date, calendar, rules.agenda_clear_working_days)
    done_on = None if published is None else local_date(published, tz)
    status = deadline_status(
        deadline=deadline,
        done_on=done_on,
        today=today,
        calendar=calendar,
        what="published",
        meeting_on=meeting_date,
        warning_working_days=rules.warning_working_days,
    )
    if done_on is None:
        return status
    left = clear_working_days(done_on, meeting_date, calendar)
    needed = rules.agenda_clear_working_days
    extra = f"; {_plural(left, 'clear working day')} before the meeting (at least {needed})"
    return DeadlineStatus(
        status.state, deadline, done_on, None, status.message + extra, clear_working_days=left
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
