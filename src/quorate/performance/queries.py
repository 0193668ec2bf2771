"""Reads: values as at a date, the latest values, and the figures a page shows.

Every page's reads are a fixed number of queries: one per kind of row (reporting lines,
observations with all their revisions, planned values, targets), whatever the number of
indicators, periods or revisions; the rest is done here in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from quorate.core.rag import RagStatus
from quorate.core.spc import Direction, SpcResult, compute_spc
from quorate.governance.models import Body
from quorate.performance.enums import Polarity
from quorate.performance.models import (
    Indicator,
    IndicatorReporting,
    Observation,
    PlannedValue,
    Target,
)
from quorate.performance.models.observations import cutoff
from quorate.performance.rating import RagSettings, rag_for

DIRECTION = {
    Polarity.HIGHER_IS_BETTER: Direction.INCREASE,
    Polarity.LOWER_IS_BETTER: Direction.DECREASE,
    Polarity.NEUTRAL: Direction.NEUTRAL,
}


# -- values as at a date, and now ------------------------------------------------------------


def observations_as_at(indicator: Indicator, when: dt.date | dt.datetime) -> QuerySet[Observation]:
    """The newest revision of each period recorded by ``when`` (a date: the end of that day,
    Europe/London): what a board was told then. In period order."""
    return Observation.objects.filter(indicator=indicator).as_at(when).order_by("period_start")


def latest_observations(indicator: Indicator) -> QuerySet[Observation]:
    """The newest revision of each period: what is true now. In period order."""
    return Observation.objects.filter(indicator=indicator).current().order_by("period_start")


def value_as_at(
    indicator: Indicator, period_start: dt.date, when: dt.date | dt.datetime
) -> Observation | None:
    """The figure for one period as it stood at ``when`` (None if none was recorded yet)."""
    return observations_as_at(indicator, when).filter(period_start=period_start).first()


def latest_value(indicator: Indicator, period_start: dt.date) -> Observation | None:
    return latest_observations(indicator).filter(period_start=period_start).first()


# -- what the pages show ----------------------------------------------------------------------


@dataclass
class PeriodFigure:
    period_start: dt.date
    label: str
    planned: PlannedValue | None = None
    observation: Observation | None = None  # the newest revision
    revisions: list[Observation] = field(default_factory=list)  # oldest first
    target: Decimal | None = None  # the target in force at the start of the period
    rag: RagStatus | None = None

    @property
    def value(self) -> Decimal | None:
        """The newest revision's figure (None if none was recorded or it was blank)."""
        return self.observation.value if self.observation is not None else None

    @property
    def comparator(self) -> Decimal | None:
        """What the value is rated against: the planned value, else the target."""
        return self.planned.value if self.planned is not None else self.target

    @property
    def is_revised(self) -> bool:
        return len(self.revisions) > 1

    @property
    def chart_target(self) -> Decimal | None:
        """The line the SPC chart draws and assurance uses: the target in force, else the
        planned value (a BCF trajectory)."""
        return self.target if self.target is not None else self.comparator


@dataclass
class IndicatorFigures:
    indicator: Indicator
    rag_settings: RagSettings
    periods: list[PeriodFigure]
    targets: list[Target]

    @property
    def latest(self) -> PeriodFigure | None:
        """The newest period with a recorded observation."""
        return next((p for p in reversed(self.periods) if p.observation is not None), None)

    @property
    def observed(self) -> list[PeriodFigure]:
        return [p for p in self.periods if p.observation is not None]

    @property
    def series(self) -> list[PeriodFigure]:
        """Periods with a number, in order: the points of the SPC chart."""
        return [p for p in self.periods if p.value is not None]

    @property
    def series_values(self) -> list[float]:
        """The numbers of ``series``, in order."""
        return [float(v) for p in self.periods if (v := p.value) is not None]

    @property
    def footnotes(self) -> list[tuple[str, str]]:
        seen: dict[str, str] = {}
        for p in self.periods:
            for row in (p.planned, p.observation):
                if row is not None and row.footnote and row.footnote_marker not in seen:
                    seen[row.footnote_marker] = row.footnote
        return sorted(seen.items(), key=lambda kv: (len(kv[0]), kv[0]))

    def spc(self) -> SpcResult | None:
        """The XmR chart of the latest values (None with fewer than two numbers)."""
        points = self.series
        if len(points) < 2:
            return None
        target = points[-1].chart_target
        return compute_spc(
            self.series_values,
            improvement_direction=DIRECTION[Polarity(self.indicator.polarity)],
            target=None if target is None else float(target),
        )


def target_in_force(targets: Sequence[Target], day: dt.date) -> Decimal | None:
    """The value of the latest target starting on or before ``day`` (targets sorted)."""
    value = None
    for target in targets:
        if target.effective_from > day:
            break
        value = target.value
    return value


def figures(
    indicator: Indicator,
    reporting: IndicatorReporting | None = None,
    *,
    as_at: dt.date | dt.datetime | None = None,
) -> IndicatorFigures:
    """Combine an indicator's prefetched rows into per-period figures: now, or as they
    stood at ``as_at`` (revisions recorded later are left out)."""
    limit = None if as_at is None else cutoff(as_at)
    settings = RagSettings.for_indicator(indicator, reporting)
    targets = sorted(indicator.targets.all(), key=lambda t: t.effective_from)
    by_period: dict[dt.date, PeriodFigure] = {}

    def period(start: dt.date) -> PeriodFigure:
        if start not in by_period:
            by_period[start] = PeriodFigure(start, indicator.period_label(start))
        return by_period[start]

    for planned in indicator.planned.all():
        period(planned.period_start).planned = planned
    revisions: dict[dt.date, list[Observation]] = defaultdict(list)
    for obs in indicator.observations.all():
        if limit is not None and obs.recorded_at > limit:
            continue
        obs.indicator = indicator  # no query for the label
        revisions[obs.period_start].append(obs)
    for start, rows in revisions.items():
        rows.sort(key=lambda o: o.revision)
        p = period(start)
        p.revisions, p.observation = rows, rows[-1]
    for p in by_period.values():
        p.target = target_in_force(targets, p.period_start)
        newest = p.observation
        if newest is not None:
            p.rag = rag_for(
                value=newest.value,
                target=p.comparator,
                polarity=indicator.polarity,
                settings=settings,
                reported_variance_pct=newest.reported_variance_pct,
            )
    ordered = [by_period[k] for k in sorted(by_period)]
    return IndicatorFigures(indicator, settings, ordered, targets)


def _rows(prefix: str, *, with_meetings: bool) -> list[Prefetch]:
    observations = Observation.objects.order_by("period_start", "revision")
    if with_meetings:
        observations = observations.select_related("reported_to__body")
    return [
        Prefetch(f"{prefix}observations", queryset=observations),
        Prefetch(f"{prefix}planned", queryset=PlannedValue.objects.order_by("period_start")),
        Prefetch(f"{prefix}targets", queryset=Target.objects.order_by("effective_from")),
    ]


def body_performance(
    body: Body, *, as_at: dt.date | dt.datetime | None = None
) -> list[IndicatorFigures]:
    """The figures of every active indicator reporting to ``body``, in the body's order: now,
    or as they stood at ``as_at``.

    Four queries whatever the number of indicators and observations.
    """
    lines = (
        IndicatorReporting.objects.filter(body=body, indicator__is_active=True)
        .select_related("indicator")
        .prefetch_related(*_rows("indicator__", with_meetings=False))
        .order_by("order", "indicator__category", "indicator__name")
    )
    return [figures(line.indicator, line, as_at=as_at) for line in lines]


def indicator_page(
    slug: str, *, as_at: dt.date | dt.datetime | None = None
) -> tuple[Indicator, IndicatorFigures] | None:
    """An active indicator with its owner, bodies and every revision (five queries)."""
    indicator = (
        Indicator.objects.filter(slug=slug, is_active=True)
        .select_related("owner")
        .prefetch_related(
            *_rows("", with_meetings=True),
            Prefetch("bodies", queryset=Body.objects.order_by("name")),
        )
        .first()
    )
    if indicator is None:
        return None
    return indicator, figures(indicator, as_at=as_at)


def categories(rows: Iterable[IndicatorFigures]) -> list[tuple[str, list[IndicatorFigures]]]:
    """Group figures by indicator category, keeping their order."""
    grouped: dict[str, list[IndicatorFigures]] = {}
    for row in rows:
        grouped.setdefault(row.indicator.category, []).append(row)
    return list(grouped.items())
