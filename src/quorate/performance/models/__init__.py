"""Indicators, their targets, plans and reporting lines, and observations with revisions."""

from quorate.performance.models.indicators import (
    Indicator,
    IndicatorReporting,
    PlannedValue,
    Target,
)
from quorate.performance.models.observations import Observation

__all__ = ["Indicator", "IndicatorReporting", "Observation", "PlannedValue", "Target"]
