from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from quorate.performance.rating import RagSettings, rag_for

SEED_001 = RagSettings()  # Green <=0%, Amber >0% and <10%, Red >=10% worse
TWO_COLOUR = RagSettings(amber_above=D(0), red_from=D(0))  # seed 000: Red = not on target


def rag(value, target, polarity, settings=SEED_001, variance=None):
    status = rag_for(
        value=None if value is None else D(value),
        target=None if target is None else D(target),
        polarity=polarity,
        settings=settings,
        reported_variance_pct=None if variance is None else D(variance),
    )
    return None if status is None else str(status.rag)


@pytest.mark.parametrize(
    ("value", "polarity", "expected"),
    [
        ("100", "lower", "green"),
        ("95", "lower", "green"),
        ("100.01", "lower", "amber"),
        ("109.99", "lower", "amber"),
        ("110", "lower", "red"),
        ("100", "higher", "green"),
        ("105", "higher", "green"),
        ("95", "higher", "amber"),
        ("90", "higher", "red"),
    ],
)
def test_seed_001_rule_honours_polarity(value, polarity, expected):
    assert rag(value, "100", polarity) == expected


def test_two_colour_rule_of_seed_000_has_no_amber():
    assert rag("100.01", "100", "lower", TWO_COLOUR) == "red"
    assert rag("100", "100", "lower", TWO_COLOUR) == "green"
    status = rag_for(value=D("272.00"), target=D("218.41"), polarity="lower", settings=TWO_COLOUR)
    assert status.label == "Not on target" and status.reason.startswith("Red")


def test_printed_variance_is_rated_when_the_number_is_not_printed():
    assert rag(None, None, "lower", variance="7") == "amber"
    assert rag(None, None, "lower", variance="-6") == "green"
    assert rag(None, None, "lower", variance="0") == "green"
    assert rag(None, None, "lower", variance="14") == "red"
    assert rag(None, None, "higher", variance="7") == "green"


def test_neutral_indicators_and_the_none_rule_are_not_rated():
    assert rag("5", "1", "neutral") is None
    assert rag("5", "1", "lower", RagSettings(rule="none")) is None


def test_missing_value_or_target_is_not_rated():
    assert rag(None, "100", "lower") == "not_rated"
    assert rag("100", None, "lower") == "not_rated"


def test_reporting_line_overrides_the_indicator_field_by_field():
    indicator = SimpleNamespace(
        rag_rule="percent_off_target", rag_amber_above=D(0), rag_red_from=D(10)
    )
    line = SimpleNamespace(rag_rule="", rag_amber_above=None, rag_red_from=D(5))
    settings = RagSettings.for_indicator(indicator, line)
    assert settings == RagSettings("percent_off_target", D(0), D(5))
    assert RagSettings.for_indicator(indicator) == SEED_001
    assert "Amber: more than 0% and less than 5% worse" in settings.describe()


@pytest.mark.django_db
def test_a_body_override_may_not_put_red_below_amber():
    from django.core.exceptions import ValidationError

    from quorate.performance import services
    from tests import factories as f

    indicator = services.save_indicator(
        name="Override check",
        unit="count",
        polarity="lower",
        frequency="monthly",
        actor="test",
        rag_amber_above=0,
        rag_red_from=10,
    )
    body = f.body()
    with pytest.raises(ValidationError) as info:
        services.report_indicator_to(indicator, body=body, actor="test", rag_amber_above=15)
    assert "rag_amber_above" in info.value.message_dict
    assert "red must start at or above amber" in str(info.value)
    assert not indicator.reporting.exists()  # nothing half-saved
    line = services.report_indicator_to(
        indicator, body=body, actor="test", rag_amber_above=15, rag_red_from=20
    )
    assert line.rag_red_from == 20
