"""The demo's packs round-trip: parse-pack reads back every item and page range, including
the 11 June 2018 JCB pack (a long heading) and the 25 January 2024 HCPB pack (item 7)."""

import datetime as dt

import pytest

from quorate.governance.models import Meeting
from quorate.packs import builder
from quorate.packs.enums import PackVariant
from tests.packs.test_round_trip_wrapping import round_trip


@pytest.mark.parametrize(
    ("date", "variant"),
    [
        (dt.date(2018, 6, 11), PackVariant.PUBLIC),
        (dt.date(2024, 1, 25), PackVariant.PUBLIC),
        (dt.date(2024, 1, 25), PackVariant.MEMBERS),
    ],
)
def test_demo_meeting_pack_round_trips(demo, db, tmp_path, date, variant):
    meeting = Meeting.objects.get(date=date)
    built = builder.build(meeting, variant)
    labels, titles = round_trip(built, tmp_path)
    assert labels == built.page_ranges
    assert titles == {i.number: i.title for i in meeting.items.all()}
