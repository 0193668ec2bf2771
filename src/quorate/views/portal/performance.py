"""Public performance pages: a body's performance summary and an indicator's page.

Performance indicators are not exempt information; these pages read only the performance
app, the body (already public) and links to meetings (whose existence and date are public).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from quorate.governance.models import Body
from quorate.performance import display, queries
from quorate.performance.enums import Frequency, Polarity, Unit
from quorate.performance.queries import IndicatorFigures


def _rag(status: Any) -> dict[str, str] | None:
    if status is None:
        return None
    return {"rag": str(status.rag), "label": status.label, "reason": status.reason}


def _summary_row(figs: IndicatorFigures) -> dict[str, Any]:
    ind = figs.indicator
    latest = figs.latest
    pics = display.pictures(figs, chart=False, icon_size=36)
    return {
        "indicator": ind,
        "period": latest.label if latest else "",
        "value": display.observation_text(latest.observation, ind) if latest else "",
        "status": display.status_text(latest.observation) if latest else "",
        "estimate": bool(
            latest and latest.observation is not None and latest.observation.status != "actual"
        ),
        "comparator": display.comparator_text(latest, ind) if latest else "",
        "comparator_kind": "Planned" if latest and latest.planned else "Target",
        "rag": _rag(latest.rag) if latest else None,
        "pictures": pics,
    }


def body_performance(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    figures = queries.body_performance(body)
    groups = [
        (category, [_summary_row(f) for f in rows])
        for category, rows in queries.categories(figures)
    ]
    footnotes: dict[str, str] = {}
    for figs in figures:
        latest = figs.latest
        for row in (latest.planned, latest.observation) if latest else ():
            if row is not None and row.footnote_marker and row.footnote:
                footnotes.setdefault(row.footnote_marker, row.footnote)
    rules = sorted({f.rag_settings.describe() for f in figures})
    return render(
        request,
        "portal/performance/body.html",
        {
            "body": body,
            "groups": groups,
            "footnotes": sorted(footnotes.items(), key=lambda kv: (len(kv[0]), kv[0])),
            "rules": rules,
        },
    )


def _as_at(request: HttpRequest) -> dt.date | None:
    text = request.GET.get("as_at", "")
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise Http404("as_at must be a date, YYYY-MM-DD") from exc


def indicator_detail(request: HttpRequest, slug: str) -> HttpResponse:
    as_at = _as_at(request)
    found = queries.indicator_page(slug, as_at=as_at)
    if found is None:
        raise Http404("No such indicator")
    indicator, figs = found
    pics = display.pictures(figs)
    rows = [
        {
            "label": p.label,
            "planned": display.format_value(p.planned.value, indicator) if p.planned else "",
            "planned_marker": p.planned.footnote_marker if p.planned else "",
            "target": display.format_value(p.target, indicator),
            "value": display.observation_text(p.observation, indicator),
            "status": display.status_text(p.observation),
            "rag": _rag(p.rag) if p.observation else None,
            "commentary": p.observation.commentary if p.observation else "",
            "revised": p.is_revised,
        }
        for p in figs.periods
    ]
    history = [
        {
            "label": obs.period_label,
            "revision": obs.revision,
            "value": display.observation_text(obs, indicator),
            "status": display.status_text(obs),
            "recorded_at": obs.recorded_at,
            "meeting": obs.reported_to,
            "reason": obs.reason,
        }
        for obs in indicator.observations.all()
    ]
    meetings = {
        obs.reported_to.pk: obs.reported_to
        for obs in indicator.observations.all()
        if obs.reported_to is not None
    }
    return render(
        request,
        "portal/performance/indicator.html",
        {
            "indicator": indicator,
            "figs": figs,
            "pictures": pics,
            "rows": rows,
            "history": history,
            "footnotes": figs.footnotes,
            "meetings": sorted(meetings.values(), key=lambda m: m.date),
            "as_at": as_at,
            "bodies": indicator.bodies.all(),
            "unit": Unit(indicator.unit).label,
            "polarity": Polarity(indicator.polarity).label,
            "frequency": Frequency(indicator.frequency).label,
            "targets": [
                (t.effective_from, display.format_value(t.value, indicator), t.note)
                for t in figs.targets
            ],
        },
    )
