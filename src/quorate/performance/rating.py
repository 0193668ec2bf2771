"""RAG ratings of observations, by the rule stored on the indicator or its reporting line.

The arithmetic is the pure core's (:func:`quorate.core.rag.rag_status`, seed 001's rule
with its thresholds as parameters, honouring polarity). Two things are added here:

- a *two-colour* rule (seed 000: "Red indicates not on target, Green indicates meeting
  target") is stored as ``red_from == amber_above``; the core needs a non-empty Amber band,
  so such a rule is rated with a band of one and any Amber is read as Red;
- a paper may print only the variance to target ("7% higher than target"): it is rated as
  the value ``100 + variance`` against a target of 100, which gives the core the same
  percentage shortfall.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from quorate.core.rag import Polarity as CorePolarity
from quorate.core.rag import Rag as CoreRag
from quorate.core.rag import RagRule as CoreRule
from quorate.core.rag import RagStatus, rag_status
from quorate.performance.enums import Polarity, RagRule

HUNDRED = Decimal(100)
_CORE_POLARITY = {
    Polarity.HIGHER_IS_BETTER: CorePolarity.HIGHER_IS_BETTER,
    Polarity.LOWER_IS_BETTER: CorePolarity.LOWER_IS_BETTER,
}


@dataclass(frozen=True, slots=True)
class RagSettings:
    rule: str = RagRule.PERCENT_OFF_TARGET
    amber_above: Decimal = Decimal(0)
    red_from: Decimal = Decimal(10)

    @classmethod
    def for_indicator(cls, indicator: Any, reporting: Any = None) -> RagSettings:
        """The indicator's rule, overridden field by field by a body's reporting line."""
        rule = getattr(reporting, "rag_rule", "") or indicator.rag_rule
        amber = getattr(reporting, "rag_amber_above", None)
        red = getattr(reporting, "rag_red_from", None)
        return cls(
            rule=rule,
            amber_above=indicator.rag_amber_above if amber is None else amber,
            red_from=indicator.rag_red_from if red is None else red,
        )

    @property
    def two_colour(self) -> bool:
        return self.red_from <= self.amber_above

    def core_rule(self) -> CoreRule:
        red = self.amber_above + 1 if self.two_colour else self.red_from
        amber, red_text = _pct(self.amber_above), _pct(self.red_from)
        if self.two_colour:
            name = (
                "Green: meeting target; Red: not on target"
                if self.amber_above == 0
                else f"Green: within {amber}% of target; Red: worse than that"
            )
        else:
            name = (
                f"Green: {amber}% or less worse than target; Amber: more than {amber}% and "
                f"less than {red_text}% worse; Red: {red_text}% or more worse"
            )
        return CoreRule(
            name=name,
            green_max=self.amber_above,
            red_min=red,
            red_label="Not on target" if self.two_colour else "Off Track",
            green_label="Meeting target" if self.two_colour else "On Track",
        )

    def describe(self) -> str:
        return "No RAG rating" if self.rule == RagRule.NONE else self.core_rule().name


def _pct(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


def rag_for(
    *,
    value: Decimal | None,
    target: Decimal | None,
    polarity: str,
    settings: RagSettings,
    reported_variance_pct: Decimal | None = None,
) -> RagStatus | None:
    """The RAG status of a value against its target (or of a printed variance when that is
    all the paper gives); None when the indicator is neutral or not rated by rule."""
    if settings.rule == RagRule.NONE or polarity not in _CORE_POLARITY:
        return None
    if (value is None or target is None) and reported_variance_pct is not None:
        value, target = HUNDRED + reported_variance_pct, HUNDRED
    rule = settings.core_rule()
    status = rag_status(value, target, _CORE_POLARITY[Polarity(polarity)], rule)
    if settings.two_colour and status.rag is CoreRag.AMBER:
        reason = status.reason.replace("Amber", "Red", 1).split(";")[0]
        return RagStatus(CoreRag.RED, rule.red_label, status.shortfall, f"{reason}; not on target.")
    return status
