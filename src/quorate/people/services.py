"""Writes for organisations and people. Every change writes an audit row."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from quorate.audit.services import diff, record
from quorate.people.models import Interest, Organisation, Person

HONORIFICS = (
    "Councillor",
    "Cllr",
    "Dr",
    "Professor",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Sir",
    "Dame",
)
_HONORIFIC_CANON = {"Cllr": "Councillor", "Prof": "Professor"}


def split_name(text: str) -> tuple[str, str, str]:
    """Split a name as papers write it into honorific, given name and family name.

    'Councillor Lorna Fielker' -> ('Councillor', 'Lorna', 'Fielker');
    'Dr S Ward' -> ('Dr', 'S', 'Ward').
    """
    words = re.sub(r"\s+", " ", text.replace("\u2013", "-")).strip().split(" ")
    honorific = ""
    while words and words[0].rstrip(".") in HONORIFICS:
        h = words.pop(0).rstrip(".")
        honorific = f"{honorific} {_HONORIFIC_CANON.get(h, h)}".strip()
    if not words:
        return honorific, "", ""
    family = words.pop()
    # Double-barrelled names split by extraction: "Linning- Karp".
    if words and words[-1].endswith("-"):
        family = words.pop() + family
    return honorific, " ".join(words), family


def unique_slug(model: type[Any], base: str, *, exclude_pk: int | None = None) -> str:
    root = slugify(base)[:100] or "item"
    slug, n = root, 2
    qs = model.objects.all()
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


@transaction.atomic
def save_organisation(
    *,
    name: str,
    kind: str,
    short_name: str = "",
    aliases: list[str] | None = None,
    by: Any = None,
    actor: str = "",
) -> Organisation:
    """Create the organisation, or update the one with this name; returns it."""
    org = Organisation.objects.filter(name=name).first()
    data = {"kind": kind, "short_name": short_name, "aliases": aliases or []}
    if org is None:
        org = Organisation.objects.create(name=name, slug=unique_slug(Organisation, name), **data)
        record(org, verb="create_organisation", by=by, actor_label=actor, changes=data)
        return org
    changes = diff(org, data)
    if changes:
        org.save()
        record(org, verb="update_organisation", by=by, actor_label=actor, changes=changes)
    return org


def find_organisation(label: str) -> Organisation | None:
    """Match an organisation as the papers name it: name, short name or an alias."""
    label = label.strip()
    if not label:
        return None
    for org in Organisation.objects.all():
        names = {org.name.lower(), org.short_name.lower(), *(a.lower() for a in org.aliases)}
        if label.lower() in names:
            return org
    return None


def find_person(*, given_name: str, family_name: str, initials: str = "") -> Person | None:
    """Match an existing person by name and initials without creating duplicates.

    A full given name matches an initial ('S' matches 'Sarah') and vice versa; an empty
    given name matches on family name when exactly one person has it. The minutes'
    initials ('DChas', 'Cllr Fielker') break ties.
    """
    candidates = list(Person.objects.filter(family_name__iexact=family_name))
    if not candidates and initials:
        candidates = list(Person.objects.filter(initials=initials))
        return candidates[0] if len(candidates) == 1 else None

    def compatible(p: Person) -> bool:
        a, b = p.given_name.lower(), given_name.lower()
        if not a or not b:
            return True
        return a == b or a.startswith(b.rstrip(".")) or b.startswith(a.rstrip("."))

    matches = [p for p in candidates if compatible(p)]
    if len(matches) > 1 and initials:
        matches = [p for p in matches if p.initials == initials] or matches
    if len(matches) > 1 and given_name:
        exact = [p for p in matches if p.given_name.lower() == given_name.lower()]
        matches = exact or matches
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def save_person(
    *,
    name: str = "",
    honorific: str = "",
    given_name: str = "",
    family_name: str = "",
    initials: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    phone: str = "",
    by: Any = None,
    actor: str = "",
) -> Person:
    """Find the person (by name and initials) or create them; fill in what was missing.

    Existing values are never overwritten by blanks, and a fuller given name replaces an
    initial ('S' becomes 'Sarah').
    """
    if name:
        h, g, f = split_name(name)
        honorific, given_name, family_name = honorific or h, given_name or g, family_name or f
    if not family_name:
        raise ValueError(f"A person needs at least a family name (got {name!r}).")
    person = find_person(given_name=given_name, family_name=family_name, initials=initials)
    offered = {
        "honorific": honorific,
        "initials": initials,
        "job_title": job_title,
        "organisation": organisation,
        "email": email,
        "phone": phone,
    }
    if person is None:
        person = Person.objects.create(
            given_name=given_name,
            family_name=family_name,
            slug=unique_slug(Person, f"{given_name} {family_name}"),
            **{k: v for k, v in offered.items() if v is not None},
        )
        record(
            person,
            verb="create_person",
            by=by,
            actor_label=actor,
            changes={"name": person.display_name, **offered},
        )
        return person
    data = {k: v for k, v in offered.items() if v and not getattr(person, k)}
    if len(given_name) > len(person.given_name):
        data["given_name"] = given_name
    changes = diff(person, data)
    if changes:
        person.save()
        record(person, verb="update_person", by=by, actor_label=actor, changes=changes)
    return person


# --- the register of interests ------------------------------------------------------------


@transaction.atomic
def register_interest(
    person: Person,
    *,
    category: str,
    description: str,
    registered_on: dt.date,
    organisation_name: str = "",
    value_gbp: Decimal | None = None,
    by: Any = None,
    actor: str = "",
) -> Interest:
    """Add an entry to a member's register of interests (registered by today, with a value
    that is not negative)."""
    errors: dict[str, str] = {}
    if value_gbp is not None and value_gbp < 0:
        errors["value_gbp"] = f"The value of {person}'s interest cannot be negative."
    if registered_on > timezone.localdate():
        errors["registered_on"] = (
            f"{person}'s interest cannot be registered on a future date ({registered_on:%d/%m/%Y})."
        )
    if errors:
        raise ValidationError(errors)
    interest = Interest(
        person=person,
        category=category,
        description=description,
        organisation_name=organisation_name,
        registered_on=registered_on,
        value_gbp=value_gbp,
    )
    interest.full_clean()
    interest.save()
    record(
        interest,
        verb="register_interest",
        by=by,
        actor_label=actor,
        changes={"category": category, "description": description, "from": registered_on},
    )
    return interest


@transaction.atomic
def end_interest(
    interest: Interest, *, ended_on: dt.date, by: Any = None, actor: str = ""
) -> Interest:
    """Close a register entry on ``ended_on`` (the entry stays, with its dates)."""
    changes = diff(interest, {"ended_on": ended_on})
    if changes:
        interest.full_clean()
        interest.save()
        record(interest, verb="end_interest", by=by, actor_label=actor, changes=changes)
    return interest
