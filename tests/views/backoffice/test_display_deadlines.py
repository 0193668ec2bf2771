"""The meeting page's statutory deadlines: a notice not published reads as a sentence; a
meeting already held with no publication recorded is "Not recorded", not an alarm."""

import datetime as dt
import re

import pytest

from quorate.proceedings import queries
from tests import factories as f

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _deadlines(client, meeting, *, html: bool = False) -> str:
    page = client.get(f"/office/meetings/{meeting.pk}/").content.decode()
    page = page if html else _text(page)
    return page[page.index("Statutory deadlines") : page.index("Notices published")]


def test_a_meeting_still_to_come_past_its_deadlines_shows_them_missed(clerk_client):
    meeting = f.meeting(date=dt.date.today() + dt.timedelta(days=1), is_public=False)
    f.agenda_item(meeting=meeting, number="1", title="Contract", exempt_paragraph=3)
    rows = {r.label: r for r in queries.deadlines_for(meeting, today=dt.date.today())}
    assert rows["Agenda and reports published"].status.state == "missed"
    assert rows["Agenda and reports published"].tag == "red"
    notice = rows["Notice of intention to meet in private"].status
    assert notice.message.startswith("Missed: the notice was not published; the deadline was")
    section = _deadlines(clerk_client, meeting)
    assert "Missed: the notice was not published" in section
    assert "not notice published" not in section


def test_a_meeting_held_without_a_recorded_publication_is_not_recorded(clerk_client):
    meeting = f.meeting(date=dt.date(2013, 3, 27), is_public=False)
    meeting.publication_date = dt.date(2013, 3, 19)
    meeting.save()
    f.agenda_item(meeting=meeting, number="1", title="Contract", exempt_paragraph=3)
    rows = queries.deadlines_for(meeting, today=dt.date(2024, 1, 1))
    assert [r.status.state for r in rows] == ["not recorded"] * 4
    assert {r.tag for r in rows} == {"grey"}
    assert rows[0].note == "The agenda is dated 19 March 2013."
    section = _deadlines(clerk_client, meeting)
    assert "Missed" not in section
    assert "Not recorded" in section and "The agenda is dated 19 March 2013." in section
    html = _deadlines(clerk_client, meeting, html=True)
    assert "govuk-tag--red" not in html and "govuk-tag--grey" in html
