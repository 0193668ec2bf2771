"""Load the seed papers' performance metrics (``demo_metrics.json``) through the services.

Bodies and meetings must exist already (the main demo loader creates them); they are
looked up by name and date. Idempotent: a second load records nothing new.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from quorate.governance.models import Body, Meeting
from quorate.people import services as people
from quorate.performance import periods, services
from quorate.performance.models import Indicator

ACTOR = "load-demo"
LONDON = ZoneInfo("Europe/London")


def default_data() -> dict[str, Any]:
    text = (
        resources.files("quorate.performance")
        .joinpath("demo_metrics.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def _owner(name: str | None) -> Any:
    if not name:
        return None
    _, given, family = people.split_name(name)
    person = people.find_person(given_name=given, family_name=family)
    if person is None:
        raise ValueError(f"demo metrics: owner {name!r} is not in the people list")
    return person


@transaction.atomic
def load(data: dict[str, Any] | None = None) -> dict[str, int]:
    """Load every report of the data file; returns counts of what it holds."""
    data = default_data() if data is None else data
    counts = {"indicators": 0, "observations": 0, "planned values": 0, "targets": 0}
    for report in data["reports"]:
        body = Body.objects.filter(name=report["body"]).first()
        if body is None:
            raise ValueError(f"demo metrics: no body named {report['body']!r}; load the demo first")
        meeting = Meeting.objects.filter(
            body=body, date=dt.date.fromisoformat(report["meeting_date"])
        ).first()
        recorded = dt.datetime.combine(
            dt.date.fromisoformat(report["recorded_at"]), dt.time(9), tzinfo=LONDON
        )
        for order, spec in enumerate(report["indicators"], start=1):
            indicator = _indicator(spec, report["rag"])
            services.report_indicator_to(indicator, body=body, actor=ACTOR, order=order)
            counts["indicators"] += 1
            for target in spec.get("targets", []):
                services.set_target(
                    indicator,
                    effective_from=dt.date.fromisoformat(target["effective_from"]),
                    value=target["value"],
                    note=target.get("note", ""),
                    actor=ACTOR,
                )
                counts["targets"] += 1
            for planned in spec.get("planned", []):
                services.set_planned_value(
                    indicator,
                    period_start=periods.parse_period(planned["period"], indicator.frequency),
                    value=planned["value"],
                    actor=ACTOR,
                )
                counts["planned values"] += 1
            for obs in spec.get("observations", []):
                _observation(indicator, obs, report, recorded, meeting)
                counts["observations"] += 1
    return counts


def _indicator(spec: dict[str, Any], rag: dict[str, str]) -> Indicator:
    return services.save_indicator(
        slug=spec["slug"],
        name=spec["name"],
        unit=spec["unit"],
        polarity=spec["polarity"],
        frequency=spec["frequency"],
        actor=ACTOR,
        definition=spec.get("definition", ""),
        source=spec.get("source", ""),
        category=spec.get("category", ""),
        decimal_places=spec.get("decimal_places", 2),
        owner=_owner(spec.get("owner")),
        owner_label=spec.get("owner_label", ""),
        rag_rule=rag["rule"],
        rag_amber_above=Decimal(rag["amber_above"]),
        rag_red_from=Decimal(rag["red_from"]),
    )


def _observation(
    indicator: Indicator,
    obs: dict[str, Any],
    report: dict[str, Any],
    recorded: dt.datetime,
    meeting: Meeting | None,
) -> None:
    marker = obs.get("marker", "")
    not_available = "not_available" in obs
    services.record_observation(
        indicator,
        period_start=periods.parse_period(obs["period"], indicator.frequency),
        value=obs.get("value"),
        status=obs.get("status", "actual"),
        not_available=not_available,
        not_available_text=obs.get("not_available", "") if not_available else "",
        reported_variance_pct=obs.get("variance_pct"),
        footnote_marker=marker,
        footnote=report["footnotes"].get(marker, "") if marker else "",
        commentary=obs.get("commentary", ""),
        recorded_at=recorded,
        reported_to=meeting,
        source=report["source"][:300],
        actor=ACTOR,
    )


def load_demo_metrics() -> None:
    """The hook run by ``quorate load-demo`` after the boards and meetings are loaded."""
    counts = load()
    print("Demo metrics: " + ", ".join(f"{n} {k}" for k, n in counts.items()), file=sys.stderr)
