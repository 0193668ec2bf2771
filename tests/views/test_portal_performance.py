"""The performance pages: a body's summary table and an indicator's page."""

import datetime as dt
import re

import pytest

from quorate.governance.models import Body
from quorate.performance import services
from quorate.performance.models import Indicator

pytestmark = pytest.mark.django_db

HCPB = "/boards/health-and-care-partnership-board/performance/"
JCB = "/boards/joint-commissioning-board/performance/"


def _get(client, url, queries, django_assert_num_queries):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200, url
    assert "style=" not in response.content.decode()
    return response.content.decode()


def _svgs(page):
    return re.findall(r"<svg\b[^>]*>.*?</svg>", page, flags=re.S)


def test_body_page_links_to_its_performance_page(client, demo_metrics):
    page = client.get("/boards/health-and-care-partnership-board/").content.decode()
    assert f'href="{HCPB}"' in page


def test_performance_summary_shows_latest_value_plan_icons_rag_and_sparkline(
    client, demo_metrics, django_assert_num_queries
):
    page = _get(client, HCPB, 5, django_assert_num_queries)
    assert "BCF national metrics 2023/24" in page
    row = page[page.index("Residential Admission") :]
    row = row[: row.index("</tr>")]
    assert "Q3 2023/24" in row and "196.66**" in row and "140.47" in row
    assert "govuk-tag--red" in row and "Not on target" in row
    assert "consistently fail the target" in row  # assurance icon title
    assert "Common cause variation" in row  # variation icon title
    assert "Trend of Residential Admission: 3 values" in row  # sparkline title
    assert "Data not available to report at this time" in page
    assert "A deep dive is currently taking place" in page  # footnote **
    assert "Green: meeting target; Red: not on target" in page
    for svg in _svgs(page):
        assert 'role="img"' in svg and "<title" in svg


def test_summary_query_count_does_not_grow_with_indicators(
    client, demo_metrics, django_assert_num_queries
):
    _get(client, JCB, 5, django_assert_num_queries)
    body = Body.objects.get(name="Joint Commissioning Board")
    for n in range(5):
        ind = services.save_indicator(
            name=f"Extra {n}", unit="count", polarity="lower", frequency="monthly"
        )
        services.report_indicator_to(ind, body=body, order=10 + n)
        for month in (1, 2, 3):
            services.record_observation(ind, period_start=dt.date(2024, month, 1), value=month)
    page = _get(client, JCB, 5, django_assert_num_queries)
    assert "Extra 4" in page


def test_jcb_summary_rates_by_the_seed_001_rule(client, demo_metrics):
    page = client.get(JCB).content.decode()
    row = page[page.index("Injuries due to falls") :]
    row = row[: row.index("</tr>")]
    assert "7% higher than target" in row and "govuk-tag--yellow" in row
    assert "Slightly Off Track" in row
    assert "Amber: more than 0% and less than 10% worse" in page


def test_indicator_page_has_chart_with_alt_text_data_table_and_history(
    client, demo_metrics, django_assert_num_queries
):
    page = _get(client, "/indicators/bcf-avoidable-admissions/", 5, django_assert_num_queries)
    chart = next(s for s in _svgs(page) if "SPC chart" in s)
    assert 'role="img"' in chart and 'aria-labelledby="spc-bcf-avoidable-admissions-title' in chart
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", chart, flags=re.S).group(1)
    assert "3 values from Q1 2023/24 to Q3 2023/24" in desc
    table = page[page.index('id="data"') :]
    table = table[: table.index("</table>")]
    for text in ("218.41", "272.00*", "249.19", "213.00", "Estimate", "Actual"):
        assert text in table
    assert "This is an increase as previously reported" in page  # footnote *
    assert "Revision history" in page and "Donna Chapman" in page
    assert "Southampton Health and Care Partnership Board, 25 January 2024" in page


def test_indicator_page_without_enough_values_says_so(
    client, demo_metrics, django_assert_num_queries
):
    page = _get(
        client, "/indicators/better-care-injuries-due-to-falls/", 5, django_assert_num_queries
    )
    assert "needs at least two values" in page
    assert "68 more admissions than the plan" in page
    assert "7% higher than target" in page


def test_indicator_page_as_at_a_date_shows_what_the_board_was_told(client, demo_metrics):
    ind = Indicator.objects.get(slug="bcf-avoidable-admissions")
    services.record_observation(
        ind,
        period_start=dt.date(2023, 10, 1),
        value="230.10",
        reason="M9 data replaces the M7 estimate",
        recorded_at=dt.datetime(2024, 2, 20, 9, tzinfo=dt.UTC),
    )
    now = client.get("/indicators/bcf-avoidable-admissions/").content.decode()
    assert "230.10" in now and "(revised)" in now and "M9 data replaces the M7 estimate" in now
    then = client.get("/indicators/bcf-avoidable-admissions/?as_at=2024-01-25").content.decode()
    table = then[then.index('id="data"') :]
    table = table[: table.index("</table>")]
    assert "213.00" in table and "230.10" not in table
    assert "as they stood on 25 January 2024" in then
    assert client.get("/indicators/bcf-avoidable-admissions/?as_at=soon").status_code == 404
    last_day = client.get("/indicators/bcf-avoidable-admissions/?as_at=9999-12-31")
    assert last_day.status_code == 200 and "230.10" in last_day.content.decode()


def test_short_series_carry_a_caution_and_icons_say_why_they_are_blank(client, demo_metrics):
    page = client.get(HCPB).content.decode()
    row = page[page.index("Residential Admission") :]
    row = row[: row.index("</tr>")]
    assert "Only 3 values: the limits and icons are indicative until there are at least 13" in row
    jcb = client.get(JCB).content.decode()
    row = jcb[jcb.index("Delayed Days") :]
    row = row[: row.index("</tr>")]
    # one value: no SPC at all, and the icons' titles give that reason, not "no target"
    assert "No assurance assessment: only one value (SPC needs at least two)" in row
    assert "no target" not in row.lower()


def test_a_changing_trajectory_is_drawn_as_steps_and_described(client, demo_metrics):
    page = client.get("/indicators/bcf-avoidable-admissions/").content.decode()
    chart = page[page.index("<svg") : page.index("</svg>")]
    target = chart[chart.index('class="target"') - 200 : chart.index('class="target"') + 200]
    assert " V" in target  # a vertical step where the plan changes
    per = " per 100,000"
    assert (
        f"Target or plan by period: Q1 2023/24 218.4{per}, Q2 2023/24 200.4{per}, "
        f"Q3 2023/24 249.2{per}." in chart
    )
    assert f"Assurance is judged against the latest, 249.2{per}." in chart


def test_unknown_or_inactive_indicators_and_boards_are_not_found(client, demo_metrics):
    assert client.get("/indicators/no-such-indicator/").status_code == 404
    assert client.get("/boards/no-such-board/performance/").status_code == 404
    Indicator.objects.filter(slug="bcf-falls").update(is_active=False)
    assert client.get("/indicators/bcf-falls/").status_code == 404
    assert "/indicators/bcf-falls/" not in client.get(HCPB).content.decode()


def test_board_without_indicators_says_so(client, demo_metrics):
    page = client.get("/boards/health-and-wellbeing-board/performance/").content.decode()
    assert "No performance indicators report to this board." in page
