"""Clear days, clear working days and the statutory deadlines of a meeting."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quorate.core.timing import (
    CalendarRangeError,
    DeadlineState,
    TimingRules,
    TimingRulesError,
    WorkingCalendar,
    clear_days,
    clear_working_days,
    deadline_status,
    latest_day_leaving_clear_days,
    local_date,
    publication_status,
    publish_by,
    statutory_deadlines,
)

# England and Wales bank holidays (gov.uk list) for the years the tests use, as plain data:
# the core never looks them up itself.
E_AND_W = frozenset(
    date.fromisoformat(d)
    for d in (
        "2013-01-01",
        "2013-03-29",
        "2013-04-01",
        "2013-05-06",
        "2013-05-27",
        "2013-08-26",
        "2013-12-25",
        "2013-12-26",
        "2018-01-01",
        "2018-03-30",
        "2018-04-02",
        "2018-05-07",
        "2018-05-28",
        "2018-08-27",
        "2018-12-25",
        "2018-12-26",
        "2021-12-27",
        "2021-12-28",
        "2022-01-03",
        "2023-12-25",
        "2023-12-26",
        "2024-01-01",
        "2024-03-29",
        "2024-04-01",
        "2024-05-06",
        "2024-05-27",
    )
)
CAL = WorkingCalendar(E_AND_W)


# The three seed packs: published on these dates for these meetings.
@pytest.mark.parametrize(
    ("meeting", "published"),
    [
        (date(2024, 1, 25), date(2024, 1, 17)),  # seed 000, Southampton HCPB
        (date(2018, 6, 11), date(2018, 6, 1)),  # seed 001, Joint Commissioning Board
        (date(2013, 5, 29), date(2013, 5, 20)),  # seed 004, HWB; spans Spring bank holiday
    ],
)
def test_publish_by_seed_packs_exactly(meeting, published):
    assert publish_by(meeting, CAL) == published
    assert clear_working_days(published, meeting, CAL) == 5


def test_publish_by_2013_counts_spring_bank_holiday_as_not_working():
    # Without the bank holiday the deadline would be a day later.
    assert publish_by(date(2013, 5, 29), WorkingCalendar()) == date(2013, 5, 21)


@pytest.mark.parametrize(
    ("meeting", "expected"),
    [
        (date(2018, 6, 11), date(2018, 6, 1)),  # meeting on a Monday: back over a weekend
        (date(2013, 5, 28), date(2013, 5, 17)),  # Tuesday after the Spring bank holiday
        (date(2024, 4, 2), date(2024, 3, 21)),  # after Good Friday and Easter Monday
        (date(2024, 1, 4), date(2023, 12, 22)),  # over Christmas, Boxing Day, New Year
        (date(2022, 1, 5), date(2021, 12, 23)),  # substitute days 27, 28 Dec and 3 Jan
        (date(2024, 1, 1), date(2023, 12, 20)),  # meeting on a bank holiday itself
        (date(2024, 1, 27), date(2024, 1, 19)),  # meeting on a Saturday
    ],
)
def test_publish_by_boundaries(meeting, expected):
    assert publish_by(meeting, CAL) == expected
    assert CAL.is_working_day(expected)
    assert clear_working_days(expected, meeting, CAL) == 5


def test_publish_by_other_clear_days():
    assert publish_by(date(2024, 1, 25), CAL, 0) == date(2024, 1, 24)
    assert publish_by(date(2024, 1, 25), CAL, 10) == date(2024, 1, 10)


def test_publish_by_negative_clear_days_is_refused():
    with pytest.raises(TimingRulesError, match="clear_working_days"):
        publish_by(date(2024, 1, 25), CAL, -1)


def test_clear_days_excludes_both_ends():
    assert clear_days(date(2024, 1, 1), date(2024, 1, 3)) == 1
    assert clear_days(date(2024, 1, 1), date(2024, 1, 2)) == 0
    assert clear_days(date(2024, 1, 3), date(2024, 1, 1)) == 0
    assert latest_day_leaving_clear_days(date(2024, 1, 25), 28) == date(2023, 12, 27)


def test_statutory_deadlines_defaults():
    got = statutory_deadlines(date(2024, 1, 25), CAL)
    assert got.as_dict() == {
        "meeting_date": "2024-01-25",
        "publish_by": "2024-01-17",
        "key_decision_notice_by": "2023-12-27",
        "private_meeting_notice_by": "2023-12-27",
        "private_meeting_final_notice_by": "2024-01-19",
        "general_exception_notice_by": "2024-01-19",
    }


def test_statutory_deadlines_notices_on_working_days_move_back():
    plain = statutory_deadlines(date(2018, 6, 11), CAL)
    assert plain.key_decision_notice_by == date(2018, 5, 13)  # a Sunday
    moved = statutory_deadlines(date(2018, 6, 11), CAL, TimingRules(notices_on_working_days=True))
    assert moved.key_decision_notice_by == date(2018, 5, 11)


def test_timing_rules_round_trip_and_validation():
    rules = TimingRules(agenda_clear_working_days=7, warning_working_days=3)
    assert TimingRules.from_dict(rules.to_dict()) == rules
    with pytest.raises(TimingRulesError) as err:
        TimingRules.from_dict({"agenda_clear_days": 5})
    assert err.value.field == "agenda_clear_days"
    with pytest.raises(TimingRulesError) as err:
        TimingRules(key_decision_clear_days=-3)
    assert err.value.field == "key_decision_clear_days"
    with pytest.raises(TimingRulesError) as err:
        TimingRules.from_dict({"notices_on_working_days": "yes"})
    assert err.value.field == "notices_on_working_days"


def test_calendar_refuses_days_outside_its_years():
    cal = WorkingCalendar(E_AND_W, first_year=2024, last_year=2024)
    with pytest.raises(CalendarRangeError, match="2023"):
        publish_by(date(2024, 1, 4), cal)


# Deadline status: "today" is passed in.
MEETING = date(2024, 1, 25)  # deadline Wed 17 Jan 2024


def test_publication_status_met_on_the_deadline():
    status = publication_status(
        meeting_date=MEETING, published=date(2024, 1, 17), today=date(2024, 1, 20), calendar=CAL
    )
    assert status.state is DeadlineState.MET
    assert status.clear_working_days == 5
    assert status.message == (
        "Met: published Wed 17 Jan 2024 (deadline Wed 17 Jan 2024); "
        "5 clear working days before the meeting (at least 5)"
    )


def test_publication_status_missed_when_published_late():
    status = publication_status(
        meeting_date=MEETING, published=date(2024, 1, 19), today=date(2024, 1, 22), calendar=CAL
    )
    assert status.state is DeadlineState.MISSED
    assert status.clear_working_days == 3
    assert "2 working days after the deadline" in status.message


def test_publication_status_missed_when_not_published_in_time():
    status = publication_status(
        meeting_date=MEETING, published=None, today=date(2024, 1, 18), calendar=CAL
    )
    assert status.state is DeadlineState.MISSED
    assert status.message == "Missed: not published; the deadline was Wed 17 Jan 2024"


@pytest.mark.parametrize(
    ("today", "state", "left", "message"),
    [
        (date(2024, 1, 10), DeadlineState.DUE, 5, "Due in 5 working days (by Wed 17 Jan 2024)"),
        (date(2024, 1, 13), DeadlineState.DUE, 3, "Due in 3 working days (by Wed 17 Jan 2024)"),
        (date(2024, 1, 15), DeadlineState.WARNING, 2, "Warning: due in 2 working days"),
        (date(2024, 1, 16), DeadlineState.WARNING, 1, "Warning: due in 1 working day "),
        (date(2024, 1, 17), DeadlineState.WARNING, 0, "Warning: due today"),
    ],
)
def test_publication_status_due_and_warning(today, state, left, message):
    status = publication_status(meeting_date=MEETING, published=None, today=today, calendar=CAL)
    assert status.state is state
    assert status.working_days_left == left
    assert status.message.startswith(message)


def test_publication_status_uses_local_date_of_an_aware_time():
    bst = timezone(timedelta(hours=1))  # stands in for Europe/London in summer
    late_evening_utc = datetime(2018, 6, 1, 23, 30, tzinfo=UTC)  # 2 Jun in London
    assert local_date(late_evening_utc, bst) == date(2018, 6, 2)
    status = publication_status(
        meeting_date=date(2018, 6, 11),
        published=late_evening_utc,
        today=date(2018, 6, 4),
        calendar=CAL,
        tz=bst,
    )
    assert status.state is DeadlineState.MISSED
    with pytest.raises(ValueError, match="tz"):
        local_date(late_evening_utc)


def test_deadline_status_generic_notice():
    status = deadline_status(
        deadline=date(2023, 12, 27),
        done_on=date(2023, 12, 20),
        today=date(2024, 1, 2),
        calendar=CAL,
        what="key decision notice published",
    )
    assert status.state is DeadlineState.MET
    assert status.message.startswith("Met: key decision notice published Wed 20 Dec 2023")


# Properties, on arbitrary calendars.
meetings = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def calendars(draw, meeting):
    offsets = draw(st.sets(st.integers(min_value=-90, max_value=0), max_size=30))
    return WorkingCalendar(frozenset(meeting + timedelta(days=o) for o in offsets))


@settings(database=None, max_examples=300)
@given(data=st.data(), meeting=meetings, n=st.integers(min_value=0, max_value=20))
def test_publish_by_properties(data, meeting, n):
    cal = data.draw(calendars(meeting))
    deadline = publish_by(meeting, cal, n)
    assert deadline < meeting
    assert cal.is_working_day(deadline)
    assert clear_working_days(deadline, meeting, cal) == n
    later = cal.next_working_day(deadline)
    if n > 0:
        assert clear_working_days(later, meeting, cal) == n - 1
    else:
        assert later >= meeting


@settings(database=None)
@given(meeting=meetings, n=st.integers(min_value=0, max_value=60))
def test_latest_day_leaving_clear_days_properties(meeting, n):
    day = latest_day_leaving_clear_days(meeting, n)
    assert clear_days(day, meeting) == n
    assert clear_days(day + timedelta(days=1), meeting) == max(0, n - 1)


def test_notice_not_published_reads_as_a_sentence():
    status = deadline_status(
        deadline=date(2023, 12, 27),
        done_on=None,
        today=date(2024, 1, 2),
        calendar=CAL,
        what="notice published",
        not_done="the notice was not published",
        meeting_on=date(2024, 1, 25),
    )
    assert status.state is DeadlineState.MISSED
    assert status.message == (
        "Missed: the notice was not published; the deadline was Wed 27 Dec 2023"
    )


def test_a_meeting_held_with_no_publication_recorded_is_not_recorded_not_missed():
    status = publication_status(
        meeting_date=MEETING, published=None, today=date(2024, 1, 26), calendar=CAL
    )
    assert status.state is DeadlineState.NOT_RECORDED
    assert status.message == (
        "Not recorded: the meeting was held on Thu 25 Jan 2024 and no date is recorded; "
        "the deadline was Wed 17 Jan 2024"
    )
    # on the day of the meeting it is still to be held: a missed deadline is an alarm
    on_the_day = publication_status(
        meeting_date=MEETING, published=None, today=MEETING, calendar=CAL
    )
    assert on_the_day.state is DeadlineState.MISSED
    # a recorded (late) publication stays missed after the meeting
    late = publication_status(
        meeting_date=MEETING, published=date(2024, 1, 19), today=date(2024, 2, 1), calendar=CAL
    )
    assert late.state is DeadlineState.MISSED
