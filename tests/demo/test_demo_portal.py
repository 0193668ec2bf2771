"""What the public sees of the demo: the seed papers' attendance, minutes and tracker on the
portal pages (the database tests in test_demo_papers.py check what is stored)."""

import datetime as dt
import html
import re

import pytest

from quorate.governance.models import Meeting
from quorate.proceedings.models import Minute

pytestmark = pytest.mark.django_db


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def test_16_october_2023_page_shows_attendance_and_minutes(client, demo):
    meeting = Meeting.objects.get(date=dt.date(2023, 10, 16))
    page = _text(client.get(meeting.get_absolute_url()).content.decode())
    assert "Dr Debbie Chase" in page
    present = page[page.index("Present") :]
    assert "Dr Debbie Chase" in present
    assert "Apologies" in page and "Kaur" in page[page.index("Apologies") :]
    for minute in Minute.objects.filter(meeting=meeting):
        assert minute.title in page, minute.title


def test_jcb_action_tracker_page_shows_the_seed_rows(client, demo):
    page = _text(client.get("/boards/joint-commissioning-board/actions/").content.decode())
    assert "Cllr Letts to circulate an MP version" in page
    assert "Unconfirmed" in page and "On Forward Plan" in page
    assert "Update on high intensity users to the Board" in page


def test_27_march_2013_minutes_and_resolutions_are_public_once_released(client, demo):
    meeting = Meeting.objects.get(date=dt.date(2013, 3, 27))
    page = _text(client.get(meeting.get_absolute_url()).content.decode())
    assert "That the Joint Health and Wellbeing Strategy" in page
