import datetime as dt

import pytest

from quorate.demo import loader
from quorate.governance.models import Meeting
from quorate.packs import services
from quorate.packs.demo import publish_demo_packs
from quorate.packs.models import Pack

pytestmark = pytest.mark.django_db(transaction=True)


def test_demo_publishes_the_25_january_2024_pack_once():
    loader.load(loader.default_data())
    publish_demo_packs()
    meeting = Meeting.objects.get(date=dt.date(2024, 1, 25))
    pack = services.live_pack(meeting)
    assert pack is not None and pack.page_count > 5
    # the previous meeting's minutes are in item 3, the cover sheet in item 4
    assert pack.page_ranges["3"].startswith("Pages") and pack.page_ranges["4"].startswith("Page")
    assert pack.page_ranges["6"] == "To Follow"
    count = Pack.objects.count()
    publish_demo_packs()
    assert Pack.objects.count() == count
