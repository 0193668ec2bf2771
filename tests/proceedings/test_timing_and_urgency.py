"""The meeting's statutory deadlines from its recorded publication, with the seed dates;
notices, and urgency routes with what they still lack."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from quorate.governance import services as gov
from quorate.proceedings import queries
from quorate.proceedings import services as s
from tests import factories as f

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def _published(meeting, day, hour=16):
    gov.publish_agenda(meeting, at=dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON))


@pytest.mark.parametrize(
    ("meeting_date", "published", "deadline"),
    [
        (dt.date(2024, 1, 25), dt.date(2024, 1, 17), dt.date(2024, 1, 17)),  # seed 000
        (dt.date(2018, 6, 11), dt.date(2018, 6, 1), dt.date(2018, 6, 1)),  # seed 001
        (dt.date(2013, 5, 29), dt.date(2013, 5, 20), dt.date(2013, 5, 20)),  # seed 004
    ],
)
def test_seed_packs_were_published_in_time(meeting_date, published, deadline):
    meeting = f.meeting(date=meeting_date)
    _published(meeting, published)
    row = queries.deadlines_for(meeting, today=meeting_date)[0]
    assert row.status.state == "met" and row.status.deadline == deadline
    assert row.status.clear_working_days == 5


def test_publication_a_day_late_is_missed_and_late_evening_counts_as_that_day():
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    # 23:30 in London on the 17th is still the 17th (and 23:30 UTC in summer would not be).
    _published(meeting, dt.date(2024, 1, 17), hour=23)
    assert queries.deadlines_for(meeting, today=dt.date(2024, 1, 25))[0].status.state == "met"
    late = f.meeting(date=dt.date(2024, 1, 25))
    _published(late, dt.date(2024, 1, 18))
    row = queries.deadlines_for(late, today=dt.date(2024, 1, 25))[0]
    assert row.status.state == "missed" and row.tag == "red"


def test_warns_before_the_deadline_is_missed():
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    rows = queries.deadlines_for(meeting, today=dt.date(2024, 1, 15))
    assert rows[0].status.state == "warning" and "due in 2 working days" in rows[0].status.message
    assert queries.deadlines_for(meeting, today=dt.date(2024, 1, 8))[0].status.state == "due"
    assert queries.deadlines_for(meeting, today=dt.date(2024, 1, 18))[0].status.state == "missed"


def test_body_settings_change_the_deadline():
    body = f.body(publish_clear_working_days=10)
    meeting = f.meeting(body=body, date=dt.date(2024, 1, 25))
    row = queries.deadlines_for(meeting, today=dt.date(2024, 1, 1))[0]
    assert row.status.deadline == dt.date(2024, 1, 10)


def test_key_decision_and_private_meeting_notices_apply_only_when_needed():
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    rows = {r.label: r for r in queries.deadlines_for(meeting, today=dt.date(2024, 1, 1))}
    assert not rows["Notice of key decisions"].applies
    assert not rows["Notice of intention to meet in private"].applies
    item = f.agenda_item(meeting=meeting, exempt_paragraph=3)
    f.report(agenda_item=item, key_decision=True)
    s.record_notice(meeting, kind="key_decision", published_on=dt.date(2023, 12, 20))
    rows = {r.label: r for r in queries.deadlines_for(meeting, today=dt.date(2024, 1, 1))}
    key = rows["Notice of key decisions"]
    assert key.applies and key.status.state == "met"
    assert key.status.deadline == dt.date(2023, 12, 27)  # 28 clear days
    private = rows["Notice of intention to meet in private"]
    assert private.applies and private.status.state == "missed"


def test_urgent_item_route_marks_the_item_and_lists_what_is_missing(clerk_client):
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    item = f.agenda_item(meeting=meeting, number="8", title="Late report")
    response = clerk_client.post(
        f"/office/meetings/{meeting.pk}/urgency/",
        {"urgency-route": "urgent_item", "urgency-agenda_item": item.pk, "urgency-reason": ""},
    )
    assert "govuk-error-summary" in response.content.decode()
    clerk_client.post(
        f"/office/meetings/{meeting.pk}/urgency/",
        {
            "urgency-route": "urgent_item",
            "urgency-agenda_item": item.pk,
            "urgency-reason": "Funding deadline before the next meeting",
        },
    )
    item.refresh_from_db()
    assert item.is_urgent and item.urgency_reason == "Funding deadline before the next meeting"
    page = clerk_client.get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert "Urgent item: needs the agreement of the chair of the meeting" in page


def test_general_exception_with_notice_too_late_is_flagged(clerk_client):
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    s.record_urgency(
        meeting,
        route="general_exception",
        reason="Contract expires",
        notice_published_on=dt.date(2024, 1, 22),
    )
    page = clerk_client.get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert "General exception: notice gave only 2 clear days (at least 5 needed)" in page
