"""Planned values and targets over time, and RAG by rule through the stored indicator."""

import datetime as dt
from decimal import Decimal as D

import pytest

from quorate.performance import queries, services
from quorate.performance.models import Indicator
from tests import factories as f

Q1, Q2, Q3 = dt.date(2023, 4, 1), dt.date(2023, 7, 1), dt.date(2023, 10, 1)

pytestmark = pytest.mark.django_db


def page_figures(indicator):
    return queries.indicator_page(indicator.slug)[1]


def test_planned_value_is_what_the_actual_is_rated_against(indicator):
    services.set_target(indicator, effective_from=Q1, value="250")
    services.set_planned_value(indicator, period_start=Q1, value="218.41")
    services.record_observation(indicator, period_start=Q1, value="272.00")
    services.record_observation(indicator, period_start=Q2, value="240")
    q1, q2 = page_figures(indicator).periods
    assert (q1.planned.value, q1.target, q1.comparator) == (D("218.41"), D(250), D("218.41"))
    assert str(q1.rag.rag) == "red"  # 24.5% worse than plan
    assert (q2.planned, q2.comparator) == (None, D(250))
    assert str(q2.rag.rag) == "green"


def test_targets_change_on_their_effective_dates(indicator):
    services.set_target(indicator, effective_from=Q1, value="100")
    services.set_target(indicator, effective_from=Q3, value="90", note="stretch from Q3")
    for start in (Q1, Q2, Q3):
        services.record_observation(indicator, period_start=start, value="95")
    figs = page_figures(indicator)
    assert [p.target for p in figs.periods] == [D(100), D(100), D(90)]
    assert [str(p.rag.rag) for p in figs.periods] == ["green", "green", "amber"]
    services.set_target(indicator, effective_from=Q3, value=None)  # no target from Q3
    assert page_figures(indicator).periods[2].rag.label == "Not rated"


def test_rag_honours_the_polarity_stored_on_the_indicator(make_indicator):
    ind = make_indicator(name="Discharge home", unit="percentage", polarity="higher")
    services.set_planned_value(ind, period_start=Q2, value="95.00")
    services.record_observation(ind, period_start=Q2, value="94.72")
    assert str(page_figures(ind).periods[0].rag.rag) == "amber"  # 0.3% below a higher-better plan
    services.save_indicator(
        slug=ind.slug, name=ind.name, unit="percentage", polarity="lower", frequency="quarterly"
    )
    assert str(page_figures(ind).periods[0].rag.rag) == "green"
    services.save_indicator(
        slug=ind.slug, name=ind.name, unit="percentage", polarity="neutral", frequency="quarterly"
    )
    assert page_figures(ind).periods[0].rag is None


def test_rag_rule_is_configured_per_indicator_and_per_report(indicator):
    board = f.body(name="Partnership Board", slug="partnership-board")
    other = f.body(name="Commissioning Board", slug="commissioning-board")
    services.report_indicator_to(indicator, body=board, rag_amber_above=D(0), rag_red_from=D(0))
    services.report_indicator_to(indicator, body=other)
    services.set_planned_value(indicator, period_start=Q1, value="100")
    services.record_observation(indicator, period_start=Q1, value="105")
    assert str(page_figures(indicator).periods[0].rag.rag) == "amber"  # seed 001 rule
    assert str(queries.body_performance(board)[0].latest.rag.rag) == "red"  # two-colour report
    assert str(queries.body_performance(other)[0].latest.rag.rag) == "amber"
    Indicator.objects.filter(pk=indicator.pk).update(rag_rule="none")
    assert queries.body_performance(other)[0].latest.rag is None


def test_body_performance_takes_a_fixed_number_of_queries(
    make_indicator, django_assert_num_queries
):
    board = f.body(name="Board", slug="board")
    for n in range(4):
        ind = make_indicator(name=f"Indicator {n}")
        services.report_indicator_to(ind, body=board, order=n)
        for start in (Q1, Q2, Q3):
            services.set_planned_value(ind, period_start=start, value=100)
            services.record_observation(ind, period_start=start, value=100 + n)
            services.record_observation(ind, period_start=start, value=101 + n)
    with django_assert_num_queries(4):
        rows = queries.body_performance(board)
        assert [r.indicator.name for r in rows] == [f"Indicator {n}" for n in range(4)]
        assert all(len(r.periods) == 3 and r.periods[0].is_revised for r in rows)


def test_spc_uses_the_latest_values_and_the_target_or_plan(indicator):
    for start, value in zip((Q1, Q2, Q3), ("272.00", "225.40", "213.00"), strict=True):
        services.set_planned_value(indicator, period_start=start, value="249.19")
        services.record_observation(indicator, period_start=start, value=value)
    spc = page_figures(indicator).spc()
    assert list(spc.points.value) == [272.0, 225.4, 213.0]
    assert spc.target == pytest.approx(249.19)
    assert str(spc.improvement_direction) == "decrease"


def test_as_at_figures_leave_out_later_revisions(indicator):
    from tests.performance.conftest import at

    services.record_observation(indicator, period_start=Q1, value="1", recorded_at=at("2023-10-01"))
    services.record_observation(indicator, period_start=Q1, value="2", recorded_at=at("2024-01-17"))
    _, then = queries.indicator_page(indicator.slug, as_at=dt.date(2023, 12, 1))
    _, now = queries.indicator_page(indicator.slug)
    assert then.periods[0].observation.value == D(1) and not then.periods[0].is_revised
    assert now.periods[0].observation.value == D(2) and now.periods[0].is_revised
