"""RAG status by rule: seed 001's rule at its exact boundaries, both polarities, zero targets."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorate.core.rag import (
    SEED_001_RULE,
    Basis,
    Polarity,
    Rag,
    RagRule,
    rag_status,
)

LOWER = Polarity.LOWER_IS_BETTER
HIGHER = Polarity.HIGHER_IS_BETTER


@pytest.mark.parametrize(
    ("value", "target", "polarity", "rag"),
    [
        # lower is better (e.g. delayed days): worse means above the target
        (100, 100, LOWER, Rag.GREEN),  # 0% difference: Green (≤0%)
        (90, 100, LOWER, Rag.GREEN),  # better
        (100.0001, 100, LOWER, Rag.AMBER),  # just over 0%
        (109.9999, 100, LOWER, Rag.AMBER),  # just under 10%
        (110, 100, LOWER, Rag.RED),  # exactly 10%: Red (≥10%)
        (1.1, 1.0, LOWER, Rag.RED),  # exactly 10% in decimals, not 9.999...%
        (3.3, 3.0, LOWER, Rag.RED),  # 10% again; binary floats would say 9.9999...
        (5.4, 3.9, LOWER, Rag.RED),  # seed 001: DTOC 5.4% against 3.9%
        # higher is better (e.g. % with a health check): worse means below the target
        (100, 100, HIGHER, Rag.GREEN),
        (120, 100, HIGHER, Rag.GREEN),
        (99.99, 100, HIGHER, Rag.AMBER),
        (90.01, 100, HIGHER, Rag.AMBER),
        (90, 100, HIGHER, Rag.RED),  # exactly 10% below
        (0.9, 1.0, HIGHER, Rag.RED),
        (89, 100, HIGHER, Rag.RED),
    ],
)
def test_rag_seed_rule_boundaries(value, target, polarity, rag):
    assert rag_status(value, target, polarity, SEED_001_RULE).rag is rag


def test_rag_seed_rule_labels_and_reason():
    status = rag_status(5.4, 3.9, "lower_is_better")
    assert status.rag is Rag.RED and status.label == "Off Track"
    assert status.shortfall == Fraction(500, 13)
    assert status.reason.startswith("Red: 38.5% worse than the target of 3.9")
    assert "lower is better" in status.reason
    amber = rag_status(95, 100, HIGHER)
    assert amber.label == "Slightly Off Track"
    assert "more than 0% and less than 10% worse" in amber.reason
    green = rag_status(100, 100, HIGHER)
    assert green.label == "On Track" and green.reason.startswith("Green: exactly on the target")


@pytest.mark.parametrize("polarity", list(Polarity))
def test_rag_zero_target_on_target_is_green(polarity):
    assert rag_status(0, 0, polarity).rag is Rag.GREEN


def test_rag_zero_target_any_shortfall_is_red():
    status = rag_status(1, 0, LOWER)
    assert status.rag is Rag.RED and status.shortfall is None
    assert "target of 0" in status.reason
    assert rag_status(-1, 0, HIGHER).rag is Rag.RED


def test_rag_zero_target_better_is_green():
    assert rag_status(-1, 0, LOWER).rag is Rag.GREEN
    assert rag_status(2, 0, HIGHER).rag is Rag.GREEN


def test_rag_negative_target_uses_its_size():
    # target -10, lower is better: -9 is 1 worse, i.e. 10% of |-10|
    assert rag_status(-9, -10, LOWER).rag is Rag.RED
    assert rag_status(-9.5, -10, LOWER).rag is Rag.AMBER


def test_rag_missing_value_or_target_is_not_rated():
    assert rag_status(None, 5, LOWER).rag is Rag.NOT_RATED
    status = rag_status(5, None, LOWER)
    assert status.rag is Rag.NOT_RATED and "no target" in status.reason


def test_rag_accepts_decimal_and_fraction():
    assert rag_status(Decimal("1.1"), Decimal("1"), LOWER).rag is Rag.RED
    assert rag_status(Fraction(21, 20), 1, LOWER).rag is Rag.AMBER


def test_rag_custom_rule_absolute_basis():
    rule = RagRule(name="within 2 beds", green_max=0, red_min=2, basis=Basis.ABSOLUTE)
    assert rag_status(11, 10, LOWER, rule).rag is Rag.AMBER
    assert rag_status(12, 10, LOWER, rule).rag is Rag.RED
    assert rag_status(8, 10, HIGHER, rule).rag is Rag.RED


def test_rag_custom_rule_with_tolerance():
    rule = RagRule(name="green within 5%", green_max=5, red_min=15)
    assert rag_status(105, 100, LOWER, rule).rag is Rag.GREEN
    assert rag_status(114, 100, LOWER, rule).rag is Rag.AMBER
    assert rag_status(115, 100, LOWER, rule).rag is Rag.RED


def test_rag_rule_rejects_inverted_thresholds_and_bad_numbers():
    with pytest.raises(ValueError, match="must exceed"):
        RagRule(name="bad", green_max=10, red_min=10)
    with pytest.raises(ValueError, match="finite"):
        rag_status(float("nan"), 1, LOWER)
    with pytest.raises(TypeError):
        rag_status(True, 1, LOWER)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        rag_status(1, 1, "sideways")


@given(
    st.floats(-1e6, 1e6, allow_nan=False),
    st.floats(-1e6, 1e6, allow_nan=False),
)
def test_rag_polarities_mirror_each_other(value, target):
    # the value's mirror image about the target gets the same status under the other polarity
    lower = rag_status(value, target, LOWER)
    higher = rag_status(Fraction(repr(target)) * 2 - Fraction(repr(value)), target, HIGHER)
    assert lower.rag is higher.rag
