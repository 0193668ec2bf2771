"""RAG (red / amber / green) status of a measure against its target, by a configurable rule.

The built-in :data:`SEED_001_RULE` is the rule of the Joint Commissioning Board's 2017/18
performance summary (seed 001): Green "≤0% difference" (on track), Amber ">0% and <10%
difference" (slightly off track), Red "≥10% difference" (off track), where the difference is
how far the value is *worse* than the target, as a percentage of the target.

Numbers are compared exactly: a float is read as the decimal it prints as (``1.1`` is 11/10,
not the nearest binary fraction), so a value exactly 10% worse is Red, never Amber by a hair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

Number = int | float | Decimal | Fraction


class Polarity(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NOT_RATED = "not_rated"  # no value ("data not available") or no target


class Basis(StrEnum):
    PERCENT = "percent"  # shortfall as a percentage of the target's size
    ABSOLUTE = "absolute"  # shortfall in the measure's own units


def _exact(x: Number, what: str) -> Fraction:
    if isinstance(x, bool):
        raise TypeError(f"{what}: expected a number, got {x!r}")
    if isinstance(x, float):
        if not math.isfinite(x):
            raise ValueError(f"{what}: {x!r} is not a finite number")
        return Fraction(repr(x))
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise ValueError(f"{what}: {x!r} is not a finite number")
        return Fraction(x)
    if isinstance(x, int | Fraction):
        return Fraction(x)
    raise TypeError(f"{what}: expected a number, got {x!r}")


@dataclass(frozen=True, slots=True)
class RagRule:
    """Green when the shortfall is at most ``green_max``; Red when it is ``red_min`` or more;
    Amber in between. The shortfall is how far the value is worse than the target (negative
    when better), in per cent of the target or in units (``basis``)."""

    name: str
    green_max: Number = 0
    red_min: Number = 10
    basis: Basis = Basis.PERCENT
    green_label: str = "On Track"
    amber_label: str = "Slightly Off Track"
    red_label: str = "Off Track"

    def __post_init__(self) -> None:
        object.__setattr__(self, "green_max", _exact(self.green_max, "green_max"))
        object.__setattr__(self, "red_min", _exact(self.red_min, "red_min"))
        object.__setattr__(self, "basis", Basis(self.basis))
        if not _exact(self.red_min, "red_min") > _exact(self.green_max, "green_max"):
            raise ValueError(
                f"RagRule {self.name!r}: red_min ({self.red_min}) must exceed "
                f"green_max ({self.green_max})"
            )


SEED_001_RULE = RagRule(
    name="Green ≤0%, Amber >0% and <10%, Red ≥10% difference (JCB 2018)",
    green_max=0,
    red_min=10,
)


@dataclass(frozen=True, slots=True)
class RagStatus:
    rag: Rag
    label: str  # the rule's words: "On Track", "Slightly Off Track", "Off Track"
    shortfall: Fraction | None  # worse than target by this much (rule's basis); None if unknown
    reason: str


def _show(x: Fraction, places: int = 2) -> str:
    try:
        f = float(x)
    except OverflowError:
        return "more than 1e308" if x > 0 else "less than -1e308"
    if abs(f) >= 1e15:
        return f"{f:.3g}"
    text = f"{f:,.{places}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def rag_status(
    value: Number | None,
    target: Number | None,
    polarity: Polarity | str,
    rule: RagRule = SEED_001_RULE,
) -> RagStatus:
    """The RAG status of ``value`` against ``target`` for a measure of ``polarity``."""
    polarity = Polarity(polarity)
    if value is None or target is None:
        missing = "no value (data not available)" if value is None else "no target"
        return RagStatus(Rag.NOT_RATED, "Not rated", None, f"Not rated: {missing}.")
    v, t = _exact(value, "value"), _exact(target, "target")
    worse = v - t if polarity is Polarity.LOWER_IS_BETTER else t - v
    better_word = "lower" if polarity is Polarity.LOWER_IS_BETTER else "higher"
    side = f"the target of {_show(t)} ({better_word} is better)"
    if rule.basis is Basis.ABSOLUTE:
        shortfall: Fraction | None = worse
        amount = f"{_show(abs(worse))} {'worse' if worse > 0 else 'better'} than {side}"
    elif t != 0:
        shortfall = worse / abs(t) * 100
        amount = f"{_show(abs(shortfall), 1)}% {'worse' if worse > 0 else 'better'} than {side}"
    elif worse <= 0:
        shortfall = Fraction(0) if worse == 0 else None
        amount = f"on or better than {side}"
    else:
        # a shortfall against a zero target is no finite percentage: it is off track
        return RagStatus(
            Rag.RED,
            rule.red_label,
            None,
            f"Red: {_show(worse)} worse than {side}; against a target of 0 any shortfall is "
            f"an unbounded percentage, so Red.",
        )
    if worse == 0:
        amount = f"exactly on {side}"
    unit = "" if rule.basis is Basis.ABSOLUTE else "%"
    green_max, red_min = _exact(rule.green_max, "green_max"), _exact(rule.red_min, "red_min")
    if shortfall is None or shortfall <= green_max:
        rag, label = Rag.GREEN, rule.green_label
        why = (
            "Green is on or better than target"
            if green_max == 0
            else f"Green is at most {_show(green_max)}{unit} worse"
        )
    elif shortfall >= red_min:
        rag, label = Rag.RED, rule.red_label
        why = f"Red is {_show(red_min)}{unit} worse or more"
    else:
        rag, label = Rag.AMBER, rule.amber_label
        why = (
            f"Amber is more than {_show(green_max)}{unit} and less than "
            f"{_show(red_min)}{unit} worse"
        )
    return RagStatus(rag, label, shortfall, f"{rag.value.capitalize()}: {amount}; {why}.")
