"""Load the demo through the normal services (idempotent).

Two steps: the reference data of ``southampton.json`` (organisations, people, bodies with
their terms of reference and memberships: what the papers state outside a pack's
structured parts), then the board papers it lists under ``packs`` (the packaged seeds),
imported by :mod:`quorate.importing` exactly as ``quorate import-pack`` imports them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from quorate.governance import services as gov
from quorate.governance.models import Body
from quorate.people import services as people
from quorate.people.models import Person

ACTOR = "load-demo"
CLERK_APPS = ("people", "governance", "proceedings", "performance", "packs")
# What a meeting recorded, and the action tracker: the Clerks may only view these in the
# admin; they change them in the back office, through the services that keep approved minutes
# frozen and audit changes.
CLERK_VIEW_ONLY = (
    "attendance",
    "declaration",
    "minute",
    "minuterevision",
    "minutesapproval",
    "resolution",
    "decision",
    "action",
    "actionupdate",
)


@dataclass
class LoadSummary:
    counts: dict[str, int] = field(default_factory=dict)
    packs: list[Any] = field(default_factory=list)  # importing.summary.FileResult

    def add(self, kind: str, n: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def default_data() -> dict[str, Any]:
    text = resources.files("quorate.demo").joinpath("southampton.json").read_text(encoding="utf-8")
    return json.loads(text)


def _org(label: str | None) -> Any:
    if not label:
        return None
    org = people.find_organisation(label)
    if org is None:
        raise ValueError(f"demo data: unknown organisation {label!r}")
    return org


def _person(name: str | None) -> Person | None:
    if not name:
        return None
    _, given, family = people.split_name(name)
    person = people.find_person(given_name=given, family_name=family)
    if person is None:
        raise ValueError(f"demo data: person {name!r} is not in the people list")
    return person


@transaction.atomic
def load(data: dict[str, Any], *, progress: Callable[[str], None] = lambda _: None) -> LoadSummary:
    """The whole demo from ``data``: its reference data, then the packs it lists (each
    imported as ``quorate import-pack`` imports a file). All or nothing: a pack that fails
    raises ValueError naming it and nothing is stored."""
    summary = load_reference(data, progress=progress)
    summary.packs = import_packs(data, progress=progress)
    return summary


@transaction.atomic
def load_reference(
    data: dict[str, Any], *, progress: Callable[[str], None] = lambda _: None
) -> LoadSummary:
    """Organisations, people, bodies (terms of reference, memberships) and, for data files
    that still carry them, meetings with their agenda items."""
    summary = LoadSummary()
    for org in data.get("organisations", []):
        people.save_organisation(actor=ACTOR, **org)
        summary.add("organisations")
    progress("organisations")
    for p in data.get("people", []):
        fields = {**p, "organisation": _org(p.get("organisation"))}
        people.save_person(actor=ACTOR, **fields)
        summary.add("people")
    progress("people")
    for b in data.get("bodies", []):
        _load_body(b, summary)
    progress("bodies")
    for m in data.get("meetings", []):
        _load_meeting(m, summary)
    if data.get("meetings"):
        progress("meetings")
    return summary


def _load_body(b: dict[str, Any], summary: LoadSummary) -> None:
    parent = Body.objects.get(name=b["parent"]) if b.get("parent") else None
    body = gov.save_body(
        name=b["name"],
        kind=b["kind"],
        actor=ACTOR,
        slug=b.get("slug", ""),
        short_name=b.get("short_name", ""),
        parent=parent,
        delegated_functions=b.get("delegated_functions", ""),
        purpose=b.get("purpose", ""),
        responsibilities=b.get("responsibilities", []),
        contact_officer=_person(b.get("contact_officer")),
        contact_email=b.get("contact_email", ""),
        contact_phone=b.get("contact_phone", ""),
    )
    summary.add("bodies")
    if terms := b.get("terms"):
        terms = dict(terms)
        gov.save_terms_of_reference(
            body,
            version=terms.pop("version"),
            actor=ACTOR,
            approved_on=_date(terms.pop("approved_on", None)),
            **terms,
        )
        summary.add("terms of reference")
    for m in b.get("members", []):
        gov.record_membership(
            body,
            person=_person(m["person"]),
            role=m["role"],
            actor=ACTOR,
            start_date=_date(m.get("start_date")),
            end_date=_date(m.get("end_date")),
            voting=m.get("voting", True),
            organisation=_org(m.get("organisation")),
            position=m.get("position", ""),
        )
        summary.add("memberships")


def _load_meeting(m: dict[str, Any], summary: LoadSummary) -> None:
    body = Body.objects.get(name=m["body"])
    meeting = gov.schedule_meeting(
        body,
        date=dt.date.fromisoformat(m["date"]),  # required: a meeting has a date
        actor=ACTOR,
        title=m.get("title", ""),
        start_time=_time(m.get("start_time")),
        end_time=_time(m.get("end_time")),
        venue=m.get("venue", ""),
        is_public=m.get("is_public", True),
        status=m.get("status", "scheduled"),
        notes=m.get("notes", ""),
        apologies_to=_person(m.get("apologies_to")),
        apologies_contact=m.get("apologies_contact", ""),
        publication_date=_date(m.get("publication_date")),
        publication_signatory=m.get("publication_signatory", ""),
    )
    summary.add("meetings")
    for order, item in enumerate(m.get("items", []), start=1):
        lead = item.get("lead", "")
        lead_person = None
        if lead and lead.lower() != "chair":
            lead_person = _person(lead)
        purposes = set(item.get("purposes", []))
        pages = item.get("pages") or [None, None]
        gov.save_agenda_item(
            meeting,
            number=item["number"],
            actor=ACTOR,
            order=order,
            title=item["title"],
            description=item.get("description", ""),
            lead_person=lead_person,
            lead_text="" if lead_person else lead,
            for_discussion="discussion" in purposes,
            for_decision="decision" in purposes,
            for_information="information" in purposes,
            attachment=item.get("attachment", "none"),
            page_start=pages[0],
            page_end=pages[1],
            exempt_paragraph=item.get("exempt_paragraph"),
        )
        summary.add("agenda items")


def load_demo(
    data: dict[str, Any] | None = None, *, progress: Callable[[str], None] = lambda _: None
) -> LoadSummary:
    """The whole demo: ``load`` of the built-in data unless other data is given."""
    return load(default_data() if data is None else data, progress=progress)


def import_packs(
    data: dict[str, Any], *, progress: Callable[[str], None] = lambda _: None
) -> list[Any]:
    from quorate.importing.service import import_pack_text

    results = []
    for pack in data.get("packs", []):
        name = pack["file"]
        source = resources.files("quorate.demo").joinpath(name)
        text = source.read_text(encoding="utf-8")
        result = import_pack_text(text, file=name, body=pack.get("body"))
        if not result.ok:
            raise ValueError(f"demo pack {result.error}")
        results.append(result)
        made, changed = result.total("created"), result.total("updated")
        progress(f"{name} ({made} created, {changed} updated)")
    return results


@transaction.atomic
def ensure_demo_users() -> list[tuple[str, str, str]]:
    """A clerk (staff, in the Clerks group) and a board member; returns (role, user, password)."""
    User = get_user_model()
    clerks, _ = Group.objects.get_or_create(name="Clerks")
    clerks.permissions.set(
        Permission.objects.filter(content_type__app_label__in=CLERK_APPS).exclude(
            content_type__app_label="proceedings",
            content_type__model__in=CLERK_VIEW_ONLY,
            codename__regex=r"^(add|change|delete)_",
        )
    )
    clerk, created = User.objects.get_or_create(
        username="clerk", defaults={"first_name": "Demo", "last_name": "Clerk", "is_staff": True}
    )
    if created:
        clerk.set_password("quorate-demo")
        clerk.save()
    clerk.groups.add(clerks)
    member, created = User.objects.get_or_create(
        username="member", defaults={"first_name": "Debbie"}
    )
    if created:
        member.set_password("quorate-demo")
        member.save()
    chase = Person.objects.filter(family_name="Chase").first()
    if chase is not None and chase.user_id is None:
        chase.user = member
        chase.save(update_fields=["user"])
    return [("clerk", "clerk", "quorate-demo"), ("board member", "member", "quorate-demo")]


def extra_loaders() -> list[Callable[[], None]]:
    """Further demo loaders contributed by later apps (performance metrics, packs...)."""
    from quorate.packs.demo import publish_demo_packs
    from quorate.performance.demo import load_demo_metrics

    return [load_demo_metrics, publish_demo_packs]
