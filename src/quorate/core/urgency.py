"""Urgency routes: the lawful ways to take business without the normal notice.

Each route is an enum member; :data:`REQUIREMENTS` says, as data, what the route needs (the
legal basis, who must agree, what notice, what must be recorded). The back office records
a use of a route as an :class:`UrgencyRecord` with a reason, and :func:`check_urgency`
lists what is still missing, in words. References are to the Local Government Act 1972
(LGA 1972) and the Local Authorities (Executive Arrangements) (Meetings and Access to
Information) (England) Regulations 2012 (SI 2012/2089); many constitutions number the
general exception and special urgency as rules 15 and 16 of their Access to Information
Procedure Rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from quorate.core.timing import clear_days


class UrgencyRoute(StrEnum):
    URGENT_ITEM = "urgent_item"
    GENERAL_EXCEPTION = "general_exception"
    SPECIAL_URGENCY = "special_urgency"
    PRIVATE_MEETING_URGENCY = "private_meeting_urgency"


@dataclass(frozen=True)
class RouteRequirements:
    route: UrgencyRoute
    title: str
    legal_basis: str
    replaces: str  # the normal requirement this route stands in for
    agreement_of: str | None  # whose agreement or opinion is needed (None: nobody's)
    notice_clear_days: int | None  # clear days' notice of intention (None: no notice)
    must_record: tuple[str, ...]  # what the clerk records or publishes

    @property
    def needs_agreement(self) -> bool:
        return self.agreement_of is not None


REQUIREMENTS: dict[UrgencyRoute, RouteRequirements] = {
    UrgencyRoute.URGENT_ITEM: RouteRequirements(
        route=UrgencyRoute.URGENT_ITEM,
        title="Urgent item",
        legal_basis="LGA 1972 s.100B(4)(b) (reg 7 of SI 2012/2089 for executive bodies)",
        replaces="an item or report published with the agenda five clear working days before",
        agreement_of="the chair of the meeting",
        notice_clear_days=None,
        must_record=(
            "the chair's opinion that the item should be considered as a matter of urgency",
            "the special circumstances, specified in the minutes",
        ),
    ),
    UrgencyRoute.GENERAL_EXCEPTION: RouteRequirements(
        route=UrgencyRoute.GENERAL_EXCEPTION,
        title="General exception",
        legal_basis="SI 2012/2089 reg 10",
        replaces="28 clear days' notice of a key decision (impracticable)",
        agreement_of=None,
        notice_clear_days=5,
        must_record=(
            "written notice of the matter to the chair of the relevant overview and "
            "scrutiny committee",
            "that notice made available for inspection and published on the website",
            "a notice of the reasons why 28 days' notice was impracticable",
        ),
    ),
    UrgencyRoute.SPECIAL_URGENCY: RouteRequirements(
        route=UrgencyRoute.SPECIAL_URGENCY,
        title="Special urgency",
        legal_basis="SI 2012/2089 reg 11",
        replaces="the general exception's five clear days' notice (impracticable)",
        agreement_of=(
            "the chair of the relevant overview and scrutiny committee (or, failing "
            "them, the chair, then the vice-chair, of the council)"
        ),
        notice_clear_days=None,
        must_record=(
            "agreement that the decision is urgent and cannot reasonably be deferred",
            "a notice of the reasons, published as soon as reasonably practicable",
        ),
    ),
    UrgencyRoute.PRIVATE_MEETING_URGENCY: RouteRequirements(
        route=UrgencyRoute.PRIVATE_MEETING_URGENCY,
        title="Urgent private meeting",
        legal_basis="SI 2012/2089 reg 5(6)",
        replaces="28 clear days' notice of a private (Part 2) meeting (impracticable)",
        agreement_of=(
            "the chair of the relevant overview and scrutiny committee (or, failing "
            "them, the chair, then the vice-chair, of the council)"
        ),
        notice_clear_days=None,
        must_record=(
            "agreement that the meeting is urgent and cannot reasonably be deferred",
            "a notice of the reasons, published as soon as reasonably practicable",
        ),
    ),
}


@dataclass(frozen=True)
class UrgencyRecord:
    """One use of an urgency route, as the back office records it."""

    route: UrgencyRoute
    reason: str
    meeting_date: date
    agreed_by: str = ""  # the person who gave the agreement or opinion
    agreed_on: date | None = None
    notice_published_on: date | None = None


def check_urgency(record: UrgencyRecord) -> tuple[str, ...]:
    """What the record still lacks for its route, one sentence each (empty: complete)."""
    needs = REQUIREMENTS[record.route]
    problems: list[str] = []
    if not record.reason.strip():
        problems.append(f"{needs.title}: a reason is required")
    if needs.agreement_of is not None and not record.agreed_by.strip():
        problems.append(f"{needs.title}: needs the agreement of {needs.agreement_of}")
    agreed_late = record.agreed_on is not None and record.agreed_on > record.meeting_date
    if needs.agreement_of is not None and agreed_late:
        problems.append(f"{needs.title}: the agreement must be given by the day of the meeting")
    if needs.notice_clear_days is not None:
        if record.notice_published_on is None:
            problems.append(
                f"{needs.title}: needs a notice published at least "
                f"{needs.notice_clear_days} clear days before the meeting"
            )
        else:
            have = clear_days(record.notice_published_on, record.meeting_date)
            if have < needs.notice_clear_days:
                problems.append(
                    f"{needs.title}: notice gave only {have} clear days "
                    f"(at least {needs.notice_clear_days} needed)"
                )
    return tuple(problems)
