"""Urgency routes as data, and what a recorded use still lacks."""

from datetime import date

from quorate.core.urgency import REQUIREMENTS, UrgencyRecord, UrgencyRoute, check_urgency

MEETING = date(2018, 6, 11)


def test_requirements_cover_every_route():
    assert set(REQUIREMENTS) == set(UrgencyRoute)
    assert REQUIREMENTS[UrgencyRoute.GENERAL_EXCEPTION].notice_clear_days == 5
    assert REQUIREMENTS[UrgencyRoute.GENERAL_EXCEPTION].legal_basis == "SI 2012/2089 reg 10"
    assert not REQUIREMENTS[UrgencyRoute.GENERAL_EXCEPTION].needs_agreement
    assert REQUIREMENTS[UrgencyRoute.SPECIAL_URGENCY].notice_clear_days is None
    assert "overview and scrutiny" in str(REQUIREMENTS[UrgencyRoute.SPECIAL_URGENCY].agreement_of)


def test_urgency_route_values_are_storable_text():
    assert UrgencyRoute("special_urgency") is UrgencyRoute.SPECIAL_URGENCY


def test_check_urgency_general_exception_complete():
    record = UrgencyRecord(
        UrgencyRoute.GENERAL_EXCEPTION,
        reason="Contract award date set by the national programme",
        meeting_date=MEETING,
        notice_published_on=date(2018, 6, 5),
    )
    assert check_urgency(record) == ()


def test_check_urgency_general_exception_short_notice():
    record = UrgencyRecord(
        UrgencyRoute.GENERAL_EXCEPTION,
        reason="Late guidance",
        meeting_date=MEETING,
        notice_published_on=date(2018, 6, 7),
    )
    assert check_urgency(record) == (
        "General exception: notice gave only 3 clear days (at least 5 needed)",
    )


def test_check_urgency_special_urgency_needs_reason_and_agreement():
    record = UrgencyRecord(UrgencyRoute.SPECIAL_URGENCY, reason=" ", meeting_date=MEETING)
    problems = check_urgency(record)
    assert problems[0] == "Special urgency: a reason is required"
    assert problems[1].startswith("Special urgency: needs the agreement of the chair of the")


def test_check_urgency_urgent_item_with_chair_opinion():
    record = UrgencyRecord(
        UrgencyRoute.URGENT_ITEM,
        reason="Provider failure notified after the agenda was published",
        meeting_date=MEETING,
        agreed_by="Chair",
        agreed_on=MEETING,
    )
    assert check_urgency(record) == ()
    late = UrgencyRecord(
        UrgencyRoute.PRIVATE_MEETING_URGENCY,
        reason="Market exit",
        meeting_date=MEETING,
        agreed_by="Chair of the Health Overview and Scrutiny Panel",
        agreed_on=date(2018, 6, 12),
    )
    assert check_urgency(late) == (
        "Urgent private meeting: the agreement must be given by the day of the meeting",
    )
