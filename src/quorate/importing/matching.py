"""Matching what the papers name to what Quorate holds: bodies, organisations, people.

Nothing here guesses silently: a loose match (a body named without its place, a family
name one letter off) is taken only when it is the only candidate, and it is reported.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TypeGuard

from quorate.governance import services as gov
from quorate.governance.enums import BodyKind
from quorate.governance.models import Body
from quorate.importing.context import FileImport, ImportProblem
from quorate.people import services as people
from quorate.people.enums import OrganisationKind
from quorate.people.models import Organisation, Person

# Words of a body's name that say what kind of body it is, not where it is.
_GENERIC = frozenset(
    [
        "health",
        "and",
        "care",
        "wellbeing",
        "well-being",
        "board",
        "joint",
        "commissioning",
        "partnership",
        "integrated",
        "better",
        "steering",
        "committee",
        "group",
        "executive",
        "sub",
        "the",
        "of",
        "for",
        "shadow",
        "programme",
        "working",
        "system",
        "place",
    ]
)


def body_key(name: str) -> str:
    """'SHADOW HEALTH & WELLBEING BOARD' -> 'health and wellbeing board'."""
    text = name.lower().replace("&", " and ").replace("well-being", "wellbeing")
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    words = text.split()
    while words and words[0] in {"shadow", "the"}:
        words.pop(0)
    return " ".join(words)


def _split_place(name: str) -> tuple[list[str], str]:
    """Leading place words and the rest: 'southampton health and wellbeing board' ->
    (['southampton'], 'health and wellbeing board')."""
    words = body_key(name).split()
    place: list[str] = []
    while len(words) > 2 and words[0] not in _GENERIC:
        place.append(words.pop(0))
    return place, " ".join(words)


def is_shadow(name: str | None) -> TypeGuard[str]:
    return name is not None and name.strip().lower().startswith("shadow ")


def tidy_name(name: str) -> str:
    """A heading in capitals as a name: 'SHADOW HEALTH AND WELLBEING BOARD' ->
    'Shadow Health and Wellbeing Board'; mixed case is kept."""
    name = " ".join(name.split())
    if name != name.upper():
        return name
    small = {"and", "of", "for", "the", "in", "on", "to"}
    words = name.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _infer_body_kind(name: str) -> str:
    key = body_key(name)
    if "wellbeing" in key:
        return BodyKind.HWB
    if "commissioning" in key:
        return BodyKind.JOINT_COMMISSIONING
    if "partnership" in key:
        return BodyKind.PARTNERSHIP
    if any(w in key.split() for w in ("steering", "group", "sub")):
        return BodyKind.SUB_GROUP
    if "committee" in key:
        return BodyKind.COMMITTEE
    return BodyKind.OTHER


def match_body(printed: str, fi: FileImport, *, line: int | None) -> Body | None:
    """The existing body the papers mean by ``printed``, or None when none matches."""
    bodies = list(Body.objects.all())
    key = body_key(printed)
    exact = [b for b in bodies if key in {body_key(b.name), body_key(b.short_name or "-")}]
    if len(exact) == 1:
        return exact[0]
    place, rest = _split_place(printed)
    loose = [b for b in bodies if _split_place(b.name)[1] == rest]
    if place:  # a place was printed: it must agree
        loose = [b for b in loose if _split_place(b.name)[0] in ([], place)]
    elif loose:
        # no place printed ("Health and Wellbeing Board"): a body of a named place is meant
        # only if the papers name that place; another council's board is never borrowed
        text = _text(fi)
        loose = [b for b in loose if all(w in text for w in _split_place(b.name)[0])]
    if len(loose) == 1:
        if body_key(loose[0].name) != key:
            fi.warn(
                line, f"body {printed!r} read as {loose[0].name!r} (use --body to say otherwise)"
            )
        return loose[0]
    if len(loose) > 1:
        text = _text(fi)
        named = [b for b in loose if all(w in text for w in _split_place(b.name)[0])]
        placed = [b for b in named if _split_place(b.name)[0]]
        if len(placed) == 1:
            fi.warn(
                line,
                f"body {printed!r} read as {placed[0].name!r}, the only one whose place the "
                "papers name (use --body to say otherwise)",
            )
            return placed[0]
        names = ", ".join(repr(b.name) for b in loose)
        raise ImportProblem(
            f"line {line}: body {printed!r} could be any of {names}; say which with --body"
        )
    return None


def _text(fi: FileImport) -> str:
    return " ".join(t for t, _ in fi.raw_lines).lower()


def is_generic(name: str) -> bool:
    """A name that says what kind of body it is but not whose: 'Health & Wellbeing Board'."""
    words = body_key(name).split()
    return bool(words) and all(w in _GENERIC for w in words)


_COUNCIL = re.compile(
    r"\b((?:[A-Z][a-z]+)(?:[ -](?:[A-Z][a-z]+|upon|on))*?)\s+"
    r"(?:City|County|Borough|District|Metropolitan Borough|Unitary)\s+Council\b"
)
_NOT_PLACES = frozenset(["the", "full", "a", "this", "our", "each", "every", "local"])


def council_place(fi: FileImport) -> str | None:
    """The place of the one council the papers name most ('Southampton City Council' ->
    'Southampton'), or None when they name none or two equally often."""
    counts: dict[str, int] = {}
    for text, _ in fi.raw_lines:
        for m in _COUNCIL.finditer(text):
            words = m.group(1).split()
            while words and words[0].lower() in _NOT_PLACES:
                words.pop(0)
            if not words:
                continue
            place = " ".join(words)
            counts[place] = counts.get(place, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def body_named(printed: str, fi: FileImport, *, line: int | None) -> Body:
    """Match the body, creating it (and reporting that) only if none matches."""
    body = match_body(printed, fi, line=line)
    if body is not None:
        return body
    name = tidy_name(printed)
    if is_shadow(name):
        name = re.sub(r"(?i)^shadow\s+", "", name)
    if is_generic(name):
        # "Health and Wellbeing Board" is every council's: named after the council the
        # papers are from, so another council's board of that name stays distinct
        council = council_place(fi)
        if council is None:
            rest = _split_place(name)[1]
            known = [
                b.name for b in Body.objects.order_by("name") if _split_place(b.name)[1] == rest
            ]
            could = (
                f"it could be any of {', '.join(map(repr, known))} or a new one; " if known else ""
            )
            raise ImportProblem(
                f"line {line}: the papers call the body {printed!r}, which names no council or "
                f"place, and they do not name one council either: {could}say which body with "
                f"--body and its full name (e.g. --body '<place> {name}')"
            )
        name = f"{council} {name}"
        existing = match_body(name, fi, line=line)
        if existing is not None:
            return existing
    fi.warn(line, f"body {name!r} is not known: created it")
    return fi.track(
        "bodies",
        Body,
        lambda: gov.save_body(name=name, kind=_infer_body_kind(name), actor=fi.actor),
    )


def body_for(printed: str | None, fi: FileImport, *, line: int | None, main: bool) -> Body | None:
    """The body of a document: ``--body`` for the pack's own documents and for any that
    name that body loosely; otherwise the body the text names."""
    override = fi.body_override
    if override is not None and (
        not printed or main or _split_place(printed)[1] == _split_place(override.name)[1]
    ):
        return override
    if not printed:
        return None
    return body_named(printed, fi, line=line)


# --- organisations --------------------------------------------------------------------

_ABBR = re.compile(r"^(?P<name>.*?)\s*\((?P<abbr>[A-Za-z&]{2,12})\)$")


def _infer_org_kind(name: str) -> str:
    low = name.lower()
    rules = [
        ("council", OrganisationKind.COUNCIL),
        ("integrated care board", OrganisationKind.ICB),
        ("clinical commissioning group", OrganisationKind.CCG),
        ("foundation trust", OrganisationKind.FOUNDATION_TRUST),
        ("nhs trust", OrganisationKind.NHS_TRUST),
        ("healthwatch", OrganisationKind.HEALTHWATCH),
        ("health watch", OrganisationKind.HEALTHWATCH),
        ("nhs england", OrganisationKind.NHS_ENGLAND),
        ("voluntary", OrganisationKind.VOLUNTARY_SECTOR),
    ]
    return next((kind for word, kind in rules if word in low), OrganisationKind.OTHER)


def _parts(label: str) -> list[tuple[str, str, str]]:
    """(part, name, abbreviation) for each part of 'Integrated Care Board (ICB) / SCC'."""
    out = []
    for part in (p.strip() for p in re.split(r"\s*/\s*", label)):
        if part:
            m = _ABBR.match(part)
            out.append((part, m["name"], m["abbr"]) if m else (part, part, ""))
    return out


def _creatable(name: str) -> bool:
    return len(name.split()) >= 2 and name != name.upper()


def _find_org(part: str, name: str, abbr: str) -> Organisation | None:
    for candidate in (part, name, abbr):
        org = people.find_organisation(candidate) if candidate else None
        if org is not None:
            return org
    return None


def learn_organisations(labels: list[str | None], fi: FileImport, *, line: int | None) -> None:
    """Create the organisations a list names in full ('Southampton City Council (SCC)')
    before matching anyone, so that a bare 'SCC' earlier in the list finds it."""
    for label in labels:
        for part, name, abbr in _parts(label or ""):
            if _find_org(part, name, abbr) is None and _creatable(name):
                _create_org(name, abbr, fi, line=fi.locate(part, line))


def _create_org(name: str, abbr: str, fi: FileImport, *, line: int | None) -> Organisation:
    fi.warn(line, f"organisation {name!r} is not known: created it")
    return fi.track(
        "organisations",
        Organisation,
        lambda: people.save_organisation(
            name=name, kind=_infer_org_kind(name), short_name=abbr, actor=fi.actor
        ),
    )


def organisation(
    label: str | None, fi: FileImport, *, who: str, line: int | None
) -> Organisation | None:
    """The organisation an attendance list names ('SCC', 'ICB/SCC', 'Integrated Care Board
    (ICB) / SCC'): the first part that matches. A full name not yet known is created."""
    if not label:
        return None
    for part, name, abbr in _parts(label):
        org = _find_org(part, name, abbr)
        if org is not None:
            return org
        if _creatable(name):
            return _create_org(name, abbr, fi, line=line)
    fi.warn(line, f"organisation {label!r} of {who!r} is not known: not linked")
    return None


# --- people -----------------------------------------------------------------------------


def _one_off(a: str, b: str) -> bool:
    """Equal but for one letter added, dropped, changed or two swapped."""
    a, b = a.lower(), b.lower()
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 5:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _given_fits(a: str, b: str) -> bool:
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    return not a or not b or a.startswith(b) or b.startswith(a)


def existing_person(name: str, *, initials: str = "") -> tuple[Person | None, str]:
    """The person already held for ``name`` and how: 'exact', 'spelling', 'ambiguous' or
    'new'. The initials only break ties between people of the same family name."""
    _, given, family = people.split_name(name)
    if not family:
        return None, "ambiguous"
    same_family = list(Person.objects.filter(family_name__iexact=family))
    if same_family:
        found = people.find_person(given_name=given, family_name=family, initials=initials)
        if found is not None:
            return found, "exact"
        fits = [p for p in same_family if _given_fits(p.given_name, given)]
        return None, ("ambiguous" if len(fits) > 1 else "new")
    near = [
        p
        for p in Person.objects.filter(family_name__istartswith=family[:2])
        if _one_off(p.family_name, family) and _given_fits(p.given_name, given)
    ]
    if len(near) == 1 and given:
        return near[0], "spelling"
    return None, "new"


def person(
    name: str,
    fi: FileImport,
    *,
    line: int | None,
    initials: str = "",
    job_title: str = "",
    organisation: Organisation | None = None,
    email: str = "",
    phone: str = "",
) -> Person | None:
    """Find the person the papers name (by name, then initials) or create them; fill in
    what was missing. None, with a warning, when the name fits several people."""
    honorific, given, family = people.split_name(name)
    found, how = existing_person(name, initials=initials)
    if how == "ambiguous":
        fi.warn(line, f"{name!r} could be more than one person: not linked")
        return None
    if how == "spelling" and found is not None:
        fi.warn(line, f"{name!r} read as {found.display_name!r} (spelling differs)")
        family = found.family_name
        given = given if len(given) > len(found.given_name) else found.given_name
    save = partial(
        people.save_person,
        honorific=honorific,
        given_name=given,
        family_name=family,
        job_title=job_title[:200],
        organisation=organisation,
        email=email if is_email(email) else "",
        phone=phone[:40],
        actor=fi.actor,
    )
    if found is None:
        # Create without initials first: the people service would otherwise match a
        # stranger who happens to share them ('JH' is James House and Jane Hayward).
        created = fi.track("people", Person, save)
        if not initials:
            return created
    return fi.track("people", Person, partial(save, initials=initials[:30]))


def is_email(value: str) -> bool:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    if not value:
        return False
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def valid_email(value: str | None) -> str:
    """The address, or the first of several ('a@x.net and b@y.gov.uk'); '' if none."""
    if not value:
        return ""
    if is_email(value):
        return value
    for part in re.split(r"\s+and\s+|[\s/;,]+", value):
        if is_email(part):
            return part
    return ""


# --- owners of actions ------------------------------------------------------------------

_OWNER_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b)\s*")
_OWNER_TOKEN = re.compile(r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'-]*")


def owners(
    text: str | None, known: dict[str, Person], fi: FileImport, *, line: int | None
) -> list[Person]:
    """People named in an Action or Lead cell ('SR/SS', 'Cllr Letts SR', 'DC'), resolved
    against the document's own attendance (``known``: initials and names), then against
    everyone's initials when exactly one person has them."""
    if not text:
        return []
    found: list[Person] = []
    for part in (p for p in _OWNER_SPLIT.split(text) if p.strip()):
        hit = _owner(part.strip(), known)
        if hit is not None:
            found.append(hit)
            continue
        tokens = _OWNER_TOKEN.findall(part)
        hits = [_owner(t, known) for t in tokens] if len(tokens) > 1 else [None]
        if all(h is not None for h in hits):
            found.extend(h for h in hits if h is not None)
        else:
            fi.warn(line, f"action owner {part.strip()!r} is not a known person: kept as written")
    return list(dict.fromkeys(found))


def _owner(token: str, known: dict[str, Person]) -> Person | None:
    key = token.replace("Councillor", "Cllr").strip()
    if key in known:
        return known[key]
    by_initials = list(Person.objects.filter(initials=key)[:2])
    if len(by_initials) == 1:
        return by_initials[0]
    if " " in key or len(key) > 4:
        found, how = existing_person(key.replace("Cllr", "Councillor"))
        if how == "exact":
            return found
    return None


def known_people(pairs: list[tuple[str, str, Person]]) -> dict[str, Person]:
    """An owner lookup from (name, initials, person) of an attendance list."""
    known: dict[str, Person] = {}
    for name, initials, who in pairs:
        for key in (initials, name, f"Cllr {who.family_name}" if "Council" in name else ""):
            if key:
                known.setdefault(key.replace("Councillor", "Cllr"), who)
    return known
