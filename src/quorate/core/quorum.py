"""Quorum rules as data, evaluated per agenda item with reasons in words.

A :class:`QuorumRule` says how many members must be present, how many from each partner
group (a group matches organisations by kind or name, or members by role), which named
roles must be present, and which memberships count. :func:`evaluate` applies it to the
:class:`Attendee` list of a meeting for one agenda item (people arrive and leave), and
returns a :class:`QuorumResult` whose ``reasons`` read like a clerk's note. Rules round-trip
through plain JSON-able dicts (:func:`rule_to_dict`, :func:`rule_from_dict`, in
``quorum_json``) and render in words with :func:`describe`.

Who counts: "in attendance" officers never do; with ``voting_only`` non-voting members do
not; a substitute or deputy standing in for a named member counts in that member's place
(their organisation, their vote), unless the rule says substitutes do not count or the
member is present in person. Named roles are about presence: any member present (voting
or not, but not in attendance) who holds the role satisfies it; a deputy standing in for
the role-holder only if the requirement allows deputies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class QuorumRuleError(ValueError):
    """A quorum rule is invalid; ``field`` names the bad field (e.g. ``groups[1].minimum``)."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def norm(text: str) -> str:
    """Case- and spacing-insensitive form used to match roles, kinds and organisations."""
    return " ".join(text.split()).casefold()


def _check_minimum(field: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise QuorumRuleError(field, f"must be a whole number of at least 1, not {value!r}")


@dataclass(frozen=True)
class GroupMinimum:
    """At least ``minimum`` counted members from a group of the partnership.

    A member belongs to the group if their organisation's kind is in
    ``organisation_kinds``, or their organisation is in ``organisations``, or they hold
    one of ``roles`` (e.g. "councillor").
    """

    label: str
    minimum: int
    organisation_kinds: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.label.strip():
            raise QuorumRuleError("label", "must not be empty")
        _check_minimum("minimum", self.minimum)
        if not (self.organisation_kinds or self.organisations or self.roles):
            raise QuorumRuleError(
                "organisation_kinds", "a group needs organisation_kinds, organisations or roles"
            )

    @property
    def by_role_only(self) -> bool:
        return bool(self.roles) and not (self.organisation_kinds or self.organisations)

    def matches(self, member: Member) -> bool:
        return (
            norm(member.organisation_kind) in {norm(k) for k in self.organisation_kinds}
            or norm(member.organisation) in {norm(o) for o in self.organisations}
            or bool(member.role_keys & {norm(r) for r in self.roles})
        )


@dataclass(frozen=True)
class RoleRequirement:
    """Someone holding one of ``any_of`` (e.g. "Director of Public Health") must be present."""

    any_of: tuple[str, ...]
    deputy_allowed: bool = False

    def __post_init__(self) -> None:
        if not self.any_of or not all(r.strip() for r in self.any_of):
            raise QuorumRuleError("any_of", "must list at least one role, none empty")

    def held_by(self, member: Member) -> str | None:
        for role in self.any_of:
            if norm(role) in member.role_keys:
                return role
        return None


@dataclass(frozen=True)
class QuorumRule:
    minimum_members: int
    groups: tuple[GroupMinimum, ...] = ()
    roles: tuple[RoleRequirement, ...] = ()
    voting_only: bool = True
    substitutes_count: bool = True

    def __post_init__(self) -> None:
        _check_minimum("minimum_members", self.minimum_members)
        seen: set[str] = set()
        for index, group in enumerate(self.groups):
            if norm(group.label) in seen:
                raise QuorumRuleError(f"groups[{index}].label", f"repeats {group.label!r}")
            seen.add(norm(group.label))


class Capacity(StrEnum):
    MEMBER = "member"
    SUBSTITUTE = "substitute"  # a deputy or substitute standing in for a named member
    IN_ATTENDANCE = "in_attendance"  # officers and guests: never count


@dataclass(frozen=True)
class Member:
    """A person as a member of the board (or the seat a substitute fills)."""

    name: str
    organisation: str = ""
    organisation_kind: str = ""
    roles: frozenset[str] = frozenset()
    voting: bool = True

    @property
    def role_keys(self) -> frozenset[str]:
        return frozenset(norm(r) for r in self.roles)


@dataclass(frozen=True)
class Attendee:
    """Someone recorded at a meeting; ``items`` None means present for every item."""

    person: Member
    capacity: Capacity = Capacity.MEMBER
    stands_in_for: Member | None = None
    items: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if (self.capacity is Capacity.SUBSTITUTE) != (self.stands_in_for is not None):
            raise ValueError(
                f"{self.person.name}: a substitute needs stands_in_for, and only a substitute"
            )

    def present_for(self, item: str | None) -> bool:
        """Present for ``item``; for ``None`` (the meeting as a whole), present throughout."""
        if self.items is None:
            return True
        return item is not None and item in self.items


def items_between(
    agenda: Sequence[str], *, arrived_before: str | None = None, left_after: str | None = None
) -> frozenset[str]:
    """The agenda items someone was present for, from when they arrived and left."""
    start = agenda.index(arrived_before) if arrived_before is not None else 0
    end = agenda.index(left_after) + 1 if left_after is not None else len(agenda)
    return frozenset(agenda[start:end])


# --- agenda numbers as people write them ------------------------------------------------
# "Item 5", "05", "5.", " 5 ", "Agenda item 5a": reduced to a key before comparing (lower
# case; the words "agenda" and "item(s)", whitespace and punctuation dropped; leading zeros
# dropped). Sub-numbers stay distinct: "5a" is not "5". ``governance.visibility`` builds
# the same reduction as a database expression from these two tuples.

NUMBER_WORDS = ("agenda", "items", "item")
NUMBER_NOISE = (" ", "\t", "\n", "\r", "\xa0", ".", ",", ":", ";", "(", ")", "[", "]", "#")


def agenda_number_key(text: str) -> str:
    """The comparable key of an agenda number as written ("Item 05." -> "5")."""
    key = text.lower()
    for word in NUMBER_WORDS:
        key = key.replace(word, "")
    for ch in NUMBER_NOISE:
        key = key.replace(ch, "")
    return key.lstrip("0")


_NOTE_PARTS = re.compile(r",|;|&|/|\band\b")
_NOTE_RANGE = re.compile(r"^(.+?)\s*(?:-|\u2013|\bto\b)\s*(.+)$")
_NOTE_NUMBER = re.compile(r"[0-9]+[a-z]?")


def items_from_note(note: str, agenda: Sequence[str]) -> frozenset[str] | None:
    """The agenda items an attendance note names ("Items 7 and 8", "item 5", "Items 3-5"),
    when every number it names is on ``agenda``; None when the note cannot be mapped
    (no numbers, other words such as "from item 5", or a number not on the agenda)."""
    by_key = {agenda_number_key(n): n for n in agenda}
    order = {n: i for i, n in enumerate(agenda)}

    def number(text: str) -> str | None:
        key = agenda_number_key(text)
        return by_key.get(key) if _NOTE_NUMBER.fullmatch(key) else None

    found: set[str] = set()
    for part in _NOTE_PARTS.split(note.lower()):
        if not agenda_number_key(part):
            continue  # "Items 7, and 8": an empty piece between separators
        span = _NOTE_RANGE.match(part.strip())
        if span:
            first, last = number(span.group(1)), number(span.group(2))
            if first is None or last is None:
                return None
            lo, hi = sorted((order[first], order[last]))
            found.update(agenda[lo : hi + 1])
            continue
        single = number(part)
        if single is None:
            return None
        found.add(single)
    return frozenset(found) or None


@dataclass(frozen=True)
class Counted:
    """A person who counts towards the quorum, and the seat they count for."""

    name: str
    seat: Member
    substitute: bool = False


@dataclass(frozen=True)
class Shortfall:
    requirement: str  # "members", a group label, or the role(s)
    needed: int
    present: int
    sentence: str


@dataclass(frozen=True)
class QuorumResult:
    quorate: bool
    reasons: tuple[str, ...]
    counted: tuple[Counted, ...]
    shortfalls: tuple[Shortfall, ...]
    not_counted: tuple[tuple[str, str], ...] = ()  # (name, why)
    item: str | None = None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _count_people(
    rule: QuorumRule, present: Sequence[Attendee]
) -> tuple[list[Counted], list[tuple[str, str]]]:
    counted: list[Counted] = []
    excluded: list[tuple[str, str]] = []
    in_person = {norm(a.person.name) for a in present if a.capacity is Capacity.MEMBER}
    seats: set[str] = set()
    for a in present:
        name = a.person.name
        if a.capacity is Capacity.IN_ATTENDANCE:
            excluded.append((name, "in attendance, not a member"))
            continue
        seat = a.person
        if a.stands_in_for is not None:
            seat = a.stands_in_for
            if not rule.substitutes_count:
                excluded.append((name, f"substitute for {seat.name}; substitutes do not count"))
                continue
            if norm(seat.name) in in_person:
                excluded.append((name, f"substitute for {seat.name}, who is present"))
                continue
        if norm(seat.name) in seats:
            excluded.append((name, f"{seat.name}'s place is already counted"))
            continue
        if rule.voting_only and not seat.voting:
            excluded.append((name, "not a voting member"))
            continue
        seats.add(norm(seat.name))
        counted.append(Counted(name=name, seat=seat, substitute=a.stands_in_for is not None))
    return counted, excluded


def _role_holder(requirement: RoleRequirement, present: Sequence[Attendee]) -> str | None:
    for a in present:
        if a.capacity is Capacity.IN_ATTENDANCE:
            continue
        held = requirement.held_by(a.person)
        if held is None and a.stands_in_for is not None and requirement.deputy_allowed:
            held = requirement.held_by(a.stands_in_for)
        if held is not None:
            return held
    return None


def _group_shortfall(group: GroupMinimum, have: int) -> str:
    if group.by_role_only:
        who = f"no {group.label}" if have == 0 else f"only {_plural(have, group.label)}"
    else:
        who = "no member" if have == 0 else f"only {_plural(have, 'member')}"
        who += f" from the {group.label}"
    return f"{who} present (at least {group.minimum} needed)"


def _roles_phrase(names: Sequence[str], joiner: str) -> str:
    the = [f"the {n}" for n in names]
    return the[0] if len(the) == 1 else f"{', '.join(the[:-1])} {joiner} {the[-1]}"


def evaluate(
    rule: QuorumRule, attendees: Iterable[Attendee], item: str | None = None
) -> QuorumResult:
    """Is the meeting quorate for ``item`` (or throughout, for ``None``), and why."""
    present = [a for a in attendees if a.present_for(item)]
    counted, excluded = _count_people(rule, present)
    noun = "voting member" if rule.voting_only else "member"
    shortfalls: list[Shortfall] = []
    parts: list[str] = []

    total = len(counted)
    if total < rule.minimum_members:
        sentence = f"only {_plural(total, noun)} present (at least {rule.minimum_members} needed)"
        shortfalls.append(Shortfall("members", rule.minimum_members, total, sentence))
    for group in rule.groups:
        have = sum(1 for c in counted if group.matches(c.seat))
        parts.append(f"{group.label} {have} (at least {group.minimum})")
        if have < group.minimum:
            shortfalls.append(
                Shortfall(group.label, group.minimum, have, _group_shortfall(group, have))
            )
    role_parts: list[str] = []
    for requirement in rule.roles:
        holder = _role_holder(requirement, present)
        if holder is not None:
            role_parts.append(f"{holder} present")
            continue
        names = requirement.any_of
        if len(names) == 1:
            sentence = f"the {names[0]} is not present"
        elif len(names) == 2:
            sentence = f"neither the {names[0]} nor the {names[1]} is present"
        else:
            sentence = f"none of {_roles_phrase(names, 'or')} is present"
        shortfalls.append(Shortfall(" or ".join(names), 1, 0, sentence))

    if shortfalls:
        reasons = tuple(f"Not quorate: {s.sentence}" for s in shortfalls)
    else:
        head = f"Quorate: {_plural(total, noun)} present (at least {rule.minimum_members} needed)"
        details = "; ".join(p for p in (", ".join(parts), ", ".join(role_parts)) if p)
        reasons = (f"{head}; {details}" if details else head,)
    return QuorumResult(
        quorate=not shortfalls,
        reasons=reasons,
        counted=tuple(counted),
        shortfalls=tuple(shortfalls),
        not_counted=tuple(excluded),
        item=item,
    )


def evaluate_items(
    rule: QuorumRule, attendees: Iterable[Attendee], items: Sequence[str]
) -> tuple[QuorumResult, ...]:
    """One result per agenda item, in agenda order."""
    people = tuple(attendees)
    return tuple(evaluate(rule, people, item) for item in items)


def describe(rule: QuorumRule) -> str:
    """The rule itself in words, as a terms-of-reference sentence."""
    base = "voting member" if rule.voting_only else "member"
    how_many = _plural(rule.minimum_members, base) + (
        "" if rule.voting_only else " (voting or not)"
    )
    clauses: list[str] = []
    for group in rule.groups:
        if group.by_role_only:
            clauses.append(f"at least {_plural(group.minimum, group.label)}")
            continue
        how: list[str] = []
        if group.organisation_kinds:
            how.append("organisations of kind " + ", ".join(sorted(group.organisation_kinds)))
        if group.organisations:
            how.append(", ".join(sorted(group.organisations)))
        if group.roles:
            how.append("members with the role " + " or ".join(sorted(group.roles)))
        clauses.append(f"at least {group.minimum} from the {group.label} ({'; '.join(how)})")
    for requirement in rule.roles:
        phrase = _roles_phrase(requirement.any_of, "or")
        clauses.append(phrase + (" (or their deputy)" if requirement.deputy_allowed else ""))
    text = f"Quorate with at least {how_many} present"
    if clauses:
        joined = (
            clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " and " + clauses[-1]
        )
        text += f", including {joined}"
    text += "."
    if rule.substitutes_count:
        text += " A substitute standing in for a named member counts in that member's place."
    else:
        text += " Substitutes do not count."
    return text + " Officers in attendance never count."
