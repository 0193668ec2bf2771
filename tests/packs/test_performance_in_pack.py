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
    # A coming meeting: the figures recorded today are what its pack reports.
    meeting = f.meeting(slug="perf-pack", date=dt.date.today() + dt.timedelta(days=30))
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
    meeting = f.meeting(slug="no-perf-pack", date=dt.date.today() + dt.timedelta(days=30))
    f.agenda_item(meeting=meeting, order=1, number="1", title="PROJECT FUSION UPDATE")
    _indicator_reporting_to(meeting.body)
    built = builder.build(meeting, PackVariant.PUBLIC)
    assert built.page_ranges["1"] == ""


def test_a_pack_prints_the_figures_as_they_stood_at_its_meeting_not_later_revisions():
    """What the board was told: a revision recorded after the meeting, and a period reported
    only afterwards, stay out of that meeting's pack; the summary says which date it is as at."""
    london = dt.timezone(dt.timedelta(0))
    meeting = f.meeting(slug="perf-as-at", date=dt.date(2023, 12, 7))
    f.agenda_item(meeting=meeting, order=1, number="1", title="PERFORMANCE REPORT")
    indicator = perf.save_indicator(
        name="Delayed days", unit="count", polarity="lower", frequency="monthly", actor="test"
    )
    perf.report_indicator_to(indicator, body=meeting.body, actor="test")
    told = dt.datetime(2023, 11, 28, 9, tzinfo=london)
    for month, value in enumerate([410, 420, 415, 405, 430, 425, 418, 422, 417, 411], 1):
        perf.record_observation(
            indicator, period_start=dt.date(2023, month, 1), value=value, recorded_at=told
        )
    later = dt.datetime(2024, 2, 1, 9, tzinfo=london)
    perf.record_observation(
        indicator, period_start=dt.date(2023, 10, 1), value=98765, recorded_at=later
    )
    perf.record_observation(
        indicator, period_start=dt.date(2023, 12, 1), value=87654, recorded_at=later
    )
    text = "\n".join(page_texts(builder.build(meeting, PackVariant.PUBLIC).data))
    assert "as at 7 December 2023" in text
    assert "411" in text  # October's figure as first told
    assert "98,765" not in text and "98765" not in text
    assert "87,654" not in text and "87654" not in text


def test_pack_charts_carry_their_description_as_alternative_text():
    from quorate.packs.printed import _svg_alt

    svg = (
        '<svg><title id="t">Falls: SPC chart</title>'
        '<desc id="d">12 values from Jan to Dec; latest 470 &amp; falling.</desc></svg>'
    )
    assert _svg_alt(svg) == "Falls: SPC chart. 12 values from Jan to Dec; latest 470 & falling."
    assert _svg_alt('<svg><title id="t">Common cause variation</title></svg>') == (
        "Common cause variation"
    )
