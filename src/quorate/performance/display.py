"""Figures for people: values with their unit as the papers print them, and charts.

Used by the portal (and later the pack); builds SVG through :mod:`quorate.charts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from quorate.charts import (
    assurance_icon_svg,
    sparkline_svg,
    spc_chart_svg,
    variation_icon_svg,
)
from quorate.core.spc import PointType, SpcResult
from quorate.performance.enums import ObservationStatus, Polarity, Unit
from quorate.performance.models import Indicator, Observation
from quorate.performance.queries import IndicatorFigures, PeriodFigure

CHART_UNIT = {Unit.PERCENTAGE: "%", Unit.GBP: "£", Unit.RATE_PER_100K: "per 100,000"}


def format_value(value: Decimal | None, indicator: Indicator) -> str:
    """'272.00', '95.31%', '£1,234', '14,282' (the indicator's decimal places)."""
    if value is None:
        return ""
    places = indicator.decimal_places
    text = f"{abs(value):,.{places}f}"
    sign = "-" if value < 0 else ""
    if indicator.unit == Unit.PERCENTAGE:
        return f"{sign}{text}%"
    if indicator.unit == Unit.GBP:
        return f"{sign}£{text}"
    return f"{sign}{text}"


def observation_text(obs: Observation | None, indicator: Indicator) -> str:
    """The figure as a table shows it, footnote marker included."""
    if obs is None:
        return ""
    if obs.not_available:
        text = obs.not_available_text or "Data not available"
    elif obs.value is not None:
        text = format_value(obs.value, indicator)
    elif obs.reported_variance_pct is not None:
        pct = obs.reported_variance_pct
        pct_text = format(abs(pct).normalize(), "f")
        if pct == 0:
            text = "On target (0% variance)"
        else:
            text = f"{pct_text}% {'higher' if pct > 0 else 'lower'} than target"
    else:
        text = ""
    return f"{text}{obs.footnote_marker}"


def status_text(obs: Observation | None) -> str:
    if obs is None:
        return ""
    return ObservationStatus(obs.status).label


@dataclass
class Pictures:
    chart: str = ""
    variation: str = ""
    assurance: str = ""
    sparkline: str = ""
    spc: SpcResult | None = None
    caution: str = ""  # why the limits and icons are only indicative, when they are


def _unassessed(figs: IndicatorFigures, spc: SpcResult | None) -> tuple[str, str]:
    """Why there is no variation / assurance icon, in words, for the icons' titles."""
    count = len(figs.series)
    if spc is None:
        few = "no values yet" if count == 0 else "only one value"
        return (
            f"Variation not assessed: {few} (SPC needs at least two)",
            f"No assurance assessment: {few} (SPC needs at least two)",
        )
    variation = "Variation not assessed: too few points for process limits"
    if Polarity(figs.indicator.polarity) == Polarity.NEUTRAL:
        return variation, "No assurance assessment: a neutral measure has no better direction"
    if spc.target is None:
        return variation, "No assurance assessment: no target or plan for the latest period"
    return variation, "No assurance assessment: too few points for process limits"


def pictures(figs: IndicatorFigures, *, chart: bool = True, icon_size: int = 40) -> Pictures:
    """The SPC chart (if ``chart``), the two MDC icons and a sparkline of the indicator."""
    ind = figs.indicator
    series = figs.series
    values = figs.series_values
    spc = figs.spc()
    out = Pictures(spc=spc)
    slug = ind.slug
    no_variation, no_assurance = _unassessed(figs, spc)
    out.variation = variation_icon_svg(
        spc.variation_icon if spc else None,
        size=icon_size,
        icon_id=f"variation-{slug}",
        unassessed=no_variation,
    )
    out.assurance = assurance_icon_svg(
        spc.assurance_icon if spc else None,
        size=icon_size,
        icon_id=f"assurance-{slug}",
        unassessed=no_assurance,
    )
    if spc is not None and spc.groups and spc.groups[-1].short_group_warning:
        out.caution = (
            f"Only {spc.groups[-1].n} values: the limits and icons are indicative until there "
            f"are at least {spc.options.short_group_threshold}."
        )
    last_type = spc.points.point_type[-1] if spc else PointType.COMMON_CAUSE
    latest = figs.latest
    count = f"{len(values)} value{'' if len(values) == 1 else 's'}"
    title = f"Trend of {ind.name}: {count}" + (
        f", latest {observation_text(latest.observation, ind)} ({latest.label})"
        if latest is not None and values
        else ""
    )
    out.sparkline = sparkline_svg(
        values, title=title, last_point_type=last_type, sparkline_id=f"sparkline-{slug}"
    )
    if chart and spc is not None:
        out.chart = spc_chart_svg(
            spc,
            values,
            [p.label for p in series],
            spc.target,
            title=f"{ind.name}: SPC chart",
            unit=CHART_UNIT.get(Unit(ind.unit), ""),
            chart_id=f"spc-{slug}",
            targets=[None if (t := p.chart_target) is None else float(t) for p in series],
        )
    return out


def comparator_text(period: PeriodFigure, indicator: Indicator) -> str:
    if period.planned is not None:
        return format_value(period.planned.value, indicator) + period.planned.footnote_marker
    return format_value(period.target, indicator)
