"""The attendance screen's quorum panel on the demo's 27 March 2013 Health and Wellbeing
Board (seed 004): Councillors Rayment and Stevens were present "(Items 7 and 8)" only, a
note the importer could not map onto that meeting's agenda (numbered 17 to 22)."""

import datetime as dt
import re

import pytest

from quorate.governance.models import Meeting

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_unmapped_items_note_is_named_and_not_counted_for_the_whole_meeting(demo, clerk_client):
    meeting = Meeting.objects.get(date=dt.date(2013, 3, 27), body__short_name="HWB")
    page = _text(clerk_client.get(f"/office/meetings/{meeting.pk}/attendance/").content.decode())
    quorum = page[page.index("Quorum") :]
    assert "Attendance by item not mapped:" in quorum
    for name in ("Rayment", "Stevens"):
        assert re.search(rf"Councillors? \w* ?{name} \(Items 7 and 8\)", quorum), name
    throughout = quorum[quorum.index("Throughout the meeting") : quorum.index("not mapped")]
    assert "7 voting members present" in throughout  # eight present, Hannigan for Dymond
