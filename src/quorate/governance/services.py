"""Writes for bodies, meetings, agendas and reports.

Each function takes the object acted on first, the rest keyword-only, ``by=`` the acting
user (or ``actor=`` a label such as 'import-pack' for system work), runs in one
transaction and writes an audit row inside it. Saves are idempotent: calling a
``save_*`` twice with the same data changes nothing and writes no second audit row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from quorate.audit.services import diff, record, upsert
from quorate.governance.enums import MeetingStatus
from quorate.governance.models import (
    AgendaItem,
    Body,
    Meeting,
    Membership,
    Report,
    ReportRevision,
    TermsOfReference,
)
from quorate.people.services import unique_slug


class MinutesFrozen(ValidationError):
    """Raised when a meeting whose minutes are approved would be changed other than by a
    reasoned correction of a minute."""


def minutes_approved(meeting: Meeting) -> bool:
    """Whether a later meeting has approved this meeting's minutes (they are then frozen)."""
    if meeting.pk is None:
        return False
    # A field path, not proceedings' enum: governance may not import the apps above it
    # (proceedings.enums.MinutesState.APPROVED is "approved"; a test keeps them together).
    return Meeting.objects.filter(pk=meeting.pk, minutes_approval__state="approved").exists()


def refuse_if_minutes_approved(
    meeting: Meeting, what: str = "change the record of the meeting"
) -> None:
    """Refuse ``what`` (e.g. 'add an agenda item') at a meeting whose minutes are approved:
    the one freeze check of every service, whichever app it lives in."""
    if minutes_approved(meeting):
        raise MinutesFrozen(
            f"Cannot {what}: the minutes of {meeting} are approved and frozen. "
            "Correct a minute with a reasoned revision instead."
        )


def _save(
    model: type[Any],
    lookup: dict[str, Any],
    data: dict[str, Any],
    *,
    verb: str,
    by: Any,
    actor: str,
    extra_create: dict[str, Any] | None = None,
) -> Any:
    return upsert(
        model,
        lookup=lookup,
        data=data,
        created=f"create_{verb}",
        updated=f"update_{verb}",
        by=by,
        actor=actor,
        on_create=extra_create,
    )


@transaction.atomic
def save_body(*, name: str, kind: str, by: Any = None, actor: str = "", **fields: Any) -> Body:
    existing = Body.objects.filter(name=name).first()
    extra = {} if existing else {"slug": unique_slug(Body, fields.pop("slug", "") or name)}
    fields.pop("slug", None)
    return _save(
        Body,
        {"name": name},
        {"kind": kind, **fields},
        verb="body",
        by=by,
        actor=actor,
        extra_create=extra,
    )


@transaction.atomic
def save_terms_of_reference(
    body: Body, *, version: int, by: Any = None, actor: str = "", **fields: Any
) -> TermsOfReference:
    return _save(
        TermsOfReference,
        {"body": body, "version": version},
        fields,
        verb="terms_of_reference",
        by=by,
        actor=actor,
    )


@transaction.atomic
def record_membership(
    body: Body,
    *,
    person: Any,
    role: str,
    by: Any = None,
    actor: str = "",
    start_date: dt.date | None = None,
    **fields: Any,
) -> Membership:
    lookup = {"body": body, "person": person, "role": role, "start_date": start_date}
    return _save(Membership, lookup, fields, verb="membership", by=by, actor=actor)


@transaction.atomic
def schedule_meeting(
    body: Body, *, date: dt.date, by: Any = None, actor: str = "", **fields: Any
) -> Meeting:
    """Create the body's meeting on ``date`` (or update it: one meeting per body per day
    unless a distinct title is given). Once its minutes are approved, saving the same
    details again is a no-op and any change is refused."""
    title = fields.get("title", "")
    existing = Meeting.objects.filter(body=body, date=date, title=title).first()
    if existing is not None and minutes_approved(existing):
        changed = [k for k, v in fields.items() if k != "title" and getattr(existing, k) != v]
        if changed:
            refuse_if_minutes_approved(existing, f"change {', '.join(changed)} of the meeting")
    extra = (
        {}
        if existing
        else {
            "slug": unique_slug(
                Meeting, f"{date.isoformat()} {body.short_name or body.name} {title}"
            )
        }
    )
    return _save(
        Meeting,
        {"body": body, "date": date, "title": title},
        {k: v for k, v in fields.items() if k != "title"},
        verb="meeting",
        by=by,
        actor=actor,
        extra_create=extra,
    )


@transaction.atomic
def save_agenda_item(
    meeting: Meeting, *, number: str, by: Any = None, actor: str = "", **fields: Any
) -> AgendaItem:
    """Add the item numbered ``number`` to the agenda, or update it.

    Once the meeting's minutes are approved, saving the same data again is a no-op and any
    change (a new item, a different title...) is refused."""
    if minutes_approved(meeting):
        existing = AgendaItem.objects.filter(meeting=meeting, number=number).first()
        if existing is None:
            refuse_if_minutes_approved(meeting, f"add item {number} to the agenda")
        elif any(getattr(existing, k) != v for k, v in fields.items()):
            refuse_if_minutes_approved(meeting, f"change agenda item {number}")
    if (
        "order" not in fields
        and not AgendaItem.objects.filter(meeting=meeting, number=number).exists()
    ):
        last = AgendaItem.objects.filter(meeting=meeting).order_by("-order").first()
        fields["order"] = (last.order + 1) if last else 1
    return _save(
        AgendaItem,
        {"meeting": meeting, "number": number},
        fields,
        verb="agenda_item",
        by=by,
        actor=actor,
    )


@transaction.atomic
def save_report(
    item: AgendaItem, *, by: Any = None, actor: str = "", reason: str = "", **fields: Any
) -> Report:
    """Save the cover sheet of ``item``'s report, keeping what it said before.

    Every save that changes the cover sheet writes a :class:`ReportRevision` (the first
    save is revision 1) holding all its fields, who, when and ``reason``; saving the same
    content again writes nothing."""
    if "revision" in fields:
        raise ValidationError(
            "A report's revision number is kept by save_report; do not pass 'revision'."
        )
    report = Report.objects.select_for_update().filter(agenda_item=item).first()
    if report is None:
        report = Report(agenda_item=item, **fields)
        report.full_clean()
        report.save()
        record(
            report, verb="create_report", by=by, actor_label=actor, reason=reason, changes=fields
        )
    else:
        changes = diff(report, fields)
        if changes:
            report.full_clean()
            report.save()
            record(
                report,
                verb="update_report",
                by=by,
                actor_label=actor,
                reason=reason,
                changes=changes,
            )
    _record_report_revision(report, by=by, actor=actor, reason=reason)
    return report


def _record_report_revision(
    report: Report, *, by: Any, actor: str, reason: str
) -> ReportRevision | None:
    """Write the next revision of ``report`` if its cover sheet differs from the newest."""
    newest = report.revisions.order_by("-number").first()
    snapshot = report.snapshot()
    if newest is not None and newest.snapshot == snapshot:
        return None
    before = newest.snapshot if newest is not None else None
    user = by if getattr(by, "is_authenticated", False) else None
    revision = ReportRevision.objects.create(
        report=report,
        number=newest.number + 1 if newest is not None else 1,
        snapshot=snapshot,
        changed_fields=[]
        if before is None
        else [k for k, v in snapshot.items() if before.get(k) != v],
        recorded_at=timezone.now(),
        recorded_by=user,
        actor_label=actor or ("" if user else "system"),
        reason=reason,
    )
    if report.revision != revision.number:
        Report.objects.filter(pk=report.pk).update(revision=revision.number)
        report.revision = revision.number
    return revision


@transaction.atomic
def publish_agenda(
    meeting: Meeting, *, by: Any = None, actor: str = "", at: dt.datetime | None = None
) -> Meeting:
    """Record that the agenda was published now (or ``at``).

    Recording the same publication again is a no-op; once the meeting's minutes are
    approved any other publication is refused."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("A cancelled meeting's agenda cannot be published.")
    frozen = minutes_approved(meeting)
    when = at or timezone.now()
    changes = diff(
        meeting,
        {
            "published_at": when,
            "publication_date": timezone.localtime(when).date(),
            "status": MeetingStatus.AGENDA_PUBLISHED
            if meeting.status == MeetingStatus.SCHEDULED
            else meeting.status,
        },
    )
    if not changes:
        return meeting
    if frozen:
        meeting.refresh_from_db()
        refuse_if_minutes_approved(meeting, "record a new publication of the agenda")
    meeting.save()
    record(meeting, verb="publish_agenda", by=by, actor_label=actor, changes=changes)
    return meeting


# --- edits from the back office (the save_* functions above look meetings and items up
# by date and number, so changing those needs these) ---------------------------------------


@transaction.atomic
def update_meeting(meeting: Meeting, *, by: Any = None, actor: str = "", **fields: Any) -> Meeting:
    """Change a meeting's details (date, times, venue, public or private, status...).

    Refused once the meeting's minutes are approved, and refused if it would make the
    meeting a duplicate of another (same body, date and title), as scheduling one is."""
    frozen = minutes_approved(meeting)
    changes = diff(meeting, fields)
    if changes:
        if frozen:
            meeting.refresh_from_db()
            refuse_if_minutes_approved(meeting, f"change {', '.join(changes)} of the meeting")
        clash = (
            Meeting.objects.filter(body=meeting.body_id, date=meeting.date, title=meeting.title)
            .exclude(pk=meeting.pk)
            .first()
        )
        if clash is not None:
            title = f" titled {meeting.title!r}" if meeting.title else ""
            meeting.refresh_from_db()
            raise ValidationError(
                f"{meeting.body.name} already has a meeting on {clash.date:%d/%m/%Y}{title}; "
                "give this one a distinct date or title"
            )
        meeting.full_clean()
        meeting.save()
        record(meeting, verb="update_meeting", by=by, actor_label=actor, changes=changes)
    return meeting


@transaction.atomic
def update_agenda_item(
    item: AgendaItem, *, by: Any = None, actor: str = "", **fields: Any
) -> AgendaItem:
    """Change an agenda item, including its printed number (not once the minutes are
    approved)."""
    frozen = minutes_approved(item.meeting)
    changes = diff(item, fields)
    if changes:
        if frozen:
            item.refresh_from_db()
            refuse_if_minutes_approved(item.meeting, f"change agenda item {item.number}")
        item.full_clean()
        item.save()
        record(item, verb="update_agenda_item", by=by, actor_label=actor, changes=changes)
    return item


@transaction.atomic
def move_agenda_item(
    item: AgendaItem, *, direction: str, by: Any = None, actor: str = ""
) -> AgendaItem:
    """Swap the item with its neighbour above (``up``) or below (``down``)."""
    if direction not in {"up", "down"}:
        raise ValidationError(f"Unknown direction {direction!r}: use up or down.")
    refuse_if_minutes_approved(item.meeting, f"move agenda item {item.number}")
    siblings = AgendaItem.objects.select_for_update().filter(meeting=item.meeting_id)
    neighbour = (
        siblings.filter(order__lt=item.order).order_by("-order").first()
        if direction == "up"
        else siblings.filter(order__gt=item.order).order_by("order").first()
    )
    if neighbour is None:
        return item
    mine, theirs = item.order, neighbour.order
    spare = (siblings.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    AgendaItem.objects.filter(pk=item.pk).update(order=spare)
    AgendaItem.objects.filter(pk=neighbour.pk).update(order=mine)
    AgendaItem.objects.filter(pk=item.pk).update(order=theirs)
    item.order = theirs
    record(
        item,
        verb="move_agenda_item",
        by=by,
        actor_label=actor,
        changes={"order": [mine, theirs], "swapped_with": str(neighbour)},
    )
    return item
