"""Issue 5: SPC charts rendered for PDF packs, not only for web pages."""

import datetime as dt
import io

import pikepdf
import pytest

from quorate.adapters.pdf import page_texts
from quorate.packs import builder
from quorate.packs.enums import PackVariant
from quorate.performance import services as perf
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def _indicator_reporting_to(body):
    indicator = perf.save_indicator(
        name="Falls admissions",
        unit="rate_per_100k",
        polarity="lower",
        frequency="monthly",
        actor="test",
    )
    perf.report_indicator_to(indicator, body=body, actor="test")
    for month, value in enumerate([510, 480, 530, 470, 495, 520, 505, 490, 515, 500, 485, 470], 1):
        perf.record_observation(
            indicator, period_start=dt.date(2023, month, 1), value=value, actor="test"
        )
    return indicator


def test_performance_item_carries_summary_and_spc_chart_into_the_pack():
    meeting = f.meeting(slug="perf-pack")
    f.agenda_item(meeting=meeting, order=1, number="1", title="WELCOME AND APOLOGIES")
    f.agenda_item(
        meeting=meeting, order=2, number="2", title="BETTER CARE FUND DELIVERY & PERFORMANCE UPDATE"
    )
    _indicator_reporting_to(meeting.body)
    built = builder.build(meeting, PackVariant.PUBLIC)
    assert built.page_ranges["2"].startswith("Page")
    texts = page_texts(built.data)
    first = int(built.page_ranges["2"].split()[1])
    assert "performance summary" in texts[first - 1].lower()
    assert "Falls admissions" in "\n".join(texts[first - 1 :])
    with pikepdf.open(io.BytesIO(built.data)) as pdf:
        page = pdf.pages[first - 1]
        xobjects = page.Resources.get("/XObject", {})
        assert len(xobjects) >= 1  # the icons and chart are drawn as vector images
        with pdf.open_outline() as outline:
            item = next(o for o in outline.root if "PERFORMANCE UPDATE" in o.title)
            assert [c.title for c in item.children] == ["Performance summary and SPC charts"]


def test_item_without_performance_in_its_title_gets_no_summary():
    meeting = f.meeting(slug="no-perf-pack")
    f.agenda_item(meeting=meeting, order=1, number="1", title="PROJECT FUSION UPDATE")
    _indicator_reporting_to(meeting.body)
    built = builder.build(meeting, PackVariant.PUBLIC)
    assert built.page_ranges["1"] == ""
