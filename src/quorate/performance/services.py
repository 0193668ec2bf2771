"""Writes for indicators, targets, plans and observations. Each is one transaction with an
audit row; saving the same data twice changes nothing and writes no second row.

Observations are append-only: :func:`record_observation` adds a revision when the figure
for a period differs from the newest one, and never changes an old one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from quorate.adapters.excel_observations import read_table
from quorate.audit.services import record, upsert
from quorate.governance.models import Body, Meeting
from quorate.people.services import unique_slug
from quorate.performance import periods
from quorate.performance.enums import ObservationStatus
from quorate.performance.importing import ParsedRow, parse_rows, raw_rows
from quorate.performance.models import (
    Indicator,
    IndicatorReporting,
    Observation,
    PlannedValue,
    Target,
)

#: The fields that make one revision differ from another.
FIGURE_FIELDS = (
    "value",
    "status",
    "not_available",
    "not_available_text",
    "reported_variance_pct",
    "footnote_marker",
    "footnote",
    "commentary",
)


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@transaction.atomic
def save_indicator(
    *,
    name: str,
    unit: str,
    polarity: str,
    frequency: str,
    slug: str = "",
    by: Any = None,
    actor: str = "",
    **fields: Any,
) -> Indicator:
    """Create the indicator with this slug (or, without a slug, this name), or update it."""
    data = {"unit": unit, "polarity": polarity, "frequency": frequency, **fields}
    if slug:
        lookup, data["name"], on_create = {"slug": slug}, name, {}
    else:
        lookup, on_create = {"name": name}, {"slug": unique_slug(Indicator, name)}
    return upsert(
        Indicator,
        lookup=lookup,
        data=data,
        created="create_indicator",
        updated="update_indicator",
        by=by,
        actor=actor,
        on_create=on_create,
    )


@transaction.atomic
def report_indicator_to(
    indicator: Indicator, *, body: Body, by: Any = None, actor: str = "", **fields: Any
) -> IndicatorReporting:
    """Make the indicator report to ``body`` (order and an optional RAG rule override)."""
    return upsert(
        IndicatorReporting,
        lookup={"indicator": indicator, "body": body},
        data=fields,
        created="report_indicator_to",
        updated="update_indicator_reporting",
        by=by,
        actor=actor,
    )


@transaction.atomic
def set_target(
    indicator: Indicator,
    *,
    effective_from: dt.date,
    value: Any,
    note: str = "",
    by: Any = None,
    actor: str = "",
) -> Target:
    """A target in force from ``effective_from`` until the next one (None ends targets)."""
    return upsert(
        Target,
        lookup={"indicator": indicator, "effective_from": effective_from},
        data={"value": _dec(value), "note": note},
        created="set_target",
        updated="change_target",
        by=by,
        actor=actor,
    )


@transaction.atomic
def set_planned_value(
    indicator: Indicator,
    *,
    period_start: dt.date,
    value: Any,
    footnote_marker: str = "",
    footnote: str = "",
    by: Any = None,
    actor: str = "",
) -> PlannedValue:
    """The planned value for one period (the BCF 'Planned' figure)."""
    return upsert(
        PlannedValue,
        lookup={"indicator": indicator, "period_start": period_start},
        data={"value": _dec(value), "footnote_marker": footnote_marker, "footnote": footnote},
        created="set_planned_value",
        updated="change_planned_value",
        by=by,
        actor=actor,
        on_create={"period_end": _period_end(indicator, period_start)},
    )


def _period_end(indicator: Indicator, period_start: dt.date) -> dt.date:
    try:
        return periods.period_end(indicator.frequency, period_start)
    except ValueError as exc:
        raise ValidationError({"period_start": str(exc)}) from exc


@transaction.atomic
def record_observation(indicator: Indicator, **kwargs: Any) -> Observation:
    """Record the figure for a period: a new revision if it differs from the newest one.

    ``recorded_at`` defaults to now; set it to the date of the paper when loading figures
    from the past. Revisions must be recorded in time order. Keyword arguments as
    :func:`_record_observation`.
    """
    return _record_observation(indicator, **kwargs)[0]


def _record_observation(
    indicator: Indicator,
    *,
    period_start: dt.date,
    value: Any = None,
    status: str = ObservationStatus.ACTUAL,
    not_available: bool = False,
    not_available_text: str = "",
    reported_variance_pct: Any = None,
    footnote_marker: str = "",
    footnote: str = "",
    commentary: str = "",
    recorded_at: dt.datetime | None = None,
    reported_to: Meeting | None = None,
    reason: str = "",
    source: str = "",
    by: Any = None,
    actor: str = "",
) -> tuple[Observation, bool]:
    """The observation, and whether it is a new revision."""
    end = _period_end(indicator, period_start)
    figure = {
        "value": _dec(value),
        "status": status,
        "not_available": not_available,
        "not_available_text": not_available_text,
        "reported_variance_pct": _dec(reported_variance_pct),
        "footnote_marker": footnote_marker,
        "footnote": footnote,
        "commentary": commentary,
    }
    newest = (
        Observation.objects.select_for_update()
        .filter(indicator=indicator, period_start=period_start)
        .order_by("-revision")
        .first()
    )
    if newest is not None and all(getattr(newest, k) == v for k, v in figure.items()):
        return newest, False
    when = recorded_at or timezone.now()
    if newest is not None and when < newest.recorded_at:
        raise ValidationError(
            {
                "recorded_at": f"revision {newest.revision + 1} of {indicator} for "
                f"{indicator.period_label(period_start)} would be recorded before revision "
                f"{newest.revision} ({newest.recorded_at:%Y-%m-%d %H:%M}); record revisions "
                "in time order"
            }
        )
    observation = Observation(
        indicator=indicator,
        period_start=period_start,
        period_end=end,
        revision=1 if newest is None else newest.revision + 1,
        recorded_at=when,
        reported_to=reported_to,
        reason=reason,
        source=source,
        entered_by=by if getattr(by, "is_authenticated", False) else None,
        **figure,
    )
    observation.full_clean()
    observation.save()
    changes: dict[str, Any] = {"period": observation.period_label, **figure}
    if newest is not None:
        changes["previous"] = {k: getattr(newest, k) for k in FIGURE_FIELDS}
    record(
        observation,
        verb="record_observation" if newest is None else "revise_observation",
        by=by,
        actor_label=actor,
        changes=changes,
        reason=reason,
    )
    return observation, True


@dataclass
class ImportSummary:
    rows: int = 0
    new_revisions: int = 0
    unchanged: int = 0
    planned_values: int = 0


@transaction.atomic
def import_observations(
    indicator: Indicator,
    rows: Iterable[ParsedRow],
    *,
    source: str,
    recorded_at: dt.datetime | None = None,
    reported_to: Meeting | None = None,
    reason: str = "",
    by: Any = None,
    actor: str = "",
) -> ImportSummary:
    """Store rows already checked by :func:`quorate.performance.importing.parse_rows`.

    One transaction: if any row fails here, nothing is stored.
    """
    summary = ImportSummary()
    when = recorded_at or timezone.now()
    for row in rows:
        summary.rows += 1
        if row.planned is not None:
            set_planned_value(
                indicator, period_start=row.period_start, value=row.planned, by=by, actor=actor
            )
            summary.planned_values += 1
        if not row.has_observation:
            continue
        _, created = _record_observation(
            indicator,
            period_start=row.period_start,
            value=row.value,
            status=row.status,
            not_available=row.not_available,
            not_available_text=row.not_available_text,
            footnote_marker=row.footnote_marker,
            footnote=row.footnote,
            recorded_at=when,
            reported_to=reported_to,
            reason=reason,
            source=f"{source} row {row.row}",
            by=by,
            actor=actor,
        )
        if created:
            summary.new_revisions += 1
        else:
            summary.unchanged += 1
    return summary


def import_observations_file(
    indicator: Indicator,
    path: Path,
    *,
    sheet: str | None = None,
    recorded_at: dt.datetime | None = None,
    reported_to: Meeting | None = None,
    reason: str = "",
    by: Any = None,
    actor: str = "",
    progress: Callable[[str], None] = lambda _: None,
) -> ImportSummary:
    """Read, check and store a CSV or Excel file of observations for one indicator.

    Raises :class:`quorate.adapters.excel_observations.ObservationFileError` for a file that
    cannot be read and :class:`quorate.performance.importing.ImportFailed` listing every bad
    row; in both cases nothing is stored.
    """
    table = read_table(path, sheet=sheet)
    n = len(table.rows)
    progress(f"read {n} row{'' if n == 1 else 's'} from {path.name}")
    rows = raw_rows(table.header, table.rows, header_row=table.header_row)
    parsed = parse_rows(rows, frequency=indicator.frequency, unit=indicator.unit)
    progress(f"checked {len(parsed)} rows")
    return import_observations(
        indicator,
        parsed,
        source=f"{actor or 'import'} {path.name}",
        recorded_at=recorded_at,
        reported_to=reported_to,
        reason=reason,
        by=by,
        actor=actor,
    )
