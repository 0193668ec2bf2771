"""The action tracker: actions raised at meetings, their dated progress log, the status
vocabulary, and the tracker's import from Excel. Every write is audited."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from quorate.audit.services import diff, record
from quorate.core.fuzzy_dates import parse_written_date
from quorate.governance.enums import MeetingStatus
from quorate.governance.models import Body, Meeting
from quorate.governance.services import schedule_meeting
from quorate.people.models import Person
from quorate.people.services import find_person, split_name
from quorate.proceedings.enums import DEFAULT_ACTION_STATUSES
from quorate.proceedings.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Minute,
)


def ensure_action_statuses() -> None:
    for order, (name, closed) in enumerate(DEFAULT_ACTION_STATUSES, start=1):
        ActionStatus.objects.get_or_create(
            name=name, defaults={"is_closed": closed, "order": order}
        )


def status_named(name: str) -> ActionStatus:
    """The vocabulary entry matching ``name`` (case and dash insensitive), created if new."""
    ensure_action_statuses()
    key = " ".join(name.replace("–", "-").split()).lower()
    for status in ActionStatus.objects.all():
        if status.name.lower() == key:
            return status
    # 'Complete - Timeline agreed ...': the leading known status word(s) decide.
    for status in sorted(ActionStatus.objects.all(), key=lambda s: -len(s.name)):
        if key.startswith(status.name.lower()):
            return status
    return ActionStatus.objects.create(name=" ".join(name.split()), order=100)


@transaction.atomic
def raise_action(
    meeting: Meeting,
    *,
    text: str,
    leads: Iterable[Person] = (),
    lead_text: str = "",
    deadline_text: str = "",
    deadline: dt.date | None = None,
    status: str = "Ongoing",
    subject: str = "",
    agenda_number: str = "",
    minute: Minute | None = None,
    new: bool = False,
    by: Any = None,
    actor: str = "",
) -> Action:
    """Raise an action from a meeting (idempotent on meeting + text: an importer's second
    pass updates it). With ``new=True`` (the back office raising one) an action with the
    same text at the same meeting is refused rather than overwritten."""
    written = parse_written_date(deadline_text) if deadline_text and deadline is None else None
    data = {
        "subject": subject,
        "agenda_number": agenda_number,
        "minute": minute,
        "lead_text": lead_text,
        "deadline_text": deadline_text,
        "deadline": deadline or (written.date if written else None),
        "deadline_is_month": bool(written and written.is_month),
    }
    action = Action.objects.filter(meeting=meeting, text=text).first()
    if action is not None and new:
        raise ValidationError(
            {
                "text": "An action with exactly this text was already raised at this meeting "
                f"(action {action.pk}); log progress on it instead, or word this one differently."
            }
        )
    if action is None:
        action = Action.objects.create(
            body=meeting.body, meeting=meeting, text=text, status=status_named(status), **data
        )
        record(
            action, verb="raise_action", by=by, actor_label=actor, changes={"text": text, **data}
        )
    else:
        changes = diff(action, data)
        if changes:
            action.save()
            record(action, verb="update_action", by=by, actor_label=actor, changes=changes)
    lead_list = list(leads)
    before = set(action.leads.all())
    if lead_list and before != set(lead_list):
        action.leads.set(lead_list)
        record(
            action,
            verb="set_action_leads",
            by=by,
            actor_label=actor,
            changes={
                "leads": [
                    sorted(p.display_name for p in before),
                    sorted(p.display_name for p in lead_list),
                ]
            },
        )
    return action


@transaction.atomic
def update_action(
    action: Action,
    *,
    on: dt.date,
    status: str,
    note: str = "",
    progress_as_written: str = "",
    by: Any = None,
    actor: str = "",
) -> ActionUpdate:
    """Log progress on an action ('08/02/2018 - Ongoing'). Idempotent per day, status and
    note: logging the same again (an importer's second pass) adds nothing, but a different
    note on the same day and status is a new entry, never dropped."""
    new_status = status_named(status)
    same_day = ActionUpdate.objects.filter(action=action, on=on, status=new_status)
    existing = (same_day if not note.strip() else same_day.filter(note=note)).first()
    if existing is not None:
        return existing
    update = ActionUpdate.objects.create(
        action=action,
        on=on,
        status=new_status,
        note=note,
        progress_as_written=progress_as_written,
        by=by if getattr(by, "is_authenticated", False) else None,
    )
    latest = action.updates.order_by("-on", "-id").first()
    if latest is not None and latest.status_id != action.status_id:
        old = action.status
        action.status = latest.status
        action.save(update_fields=["status"])
        record(
            action,
            verb="update_action_status",
            by=by,
            actor_label=actor,
            changes={"status": [str(old), str(latest.status)]},
        )
    record(
        action,
        verb="log_action_progress",
        by=by,
        actor_label=actor,
        changes={"on": on, "status": str(new_status), "note": note},
    )
    return update


# --- the action tracker in and out of Excel -------------------------------------------------


def find_leads(lead_text: str) -> list[Person]:
    """People named in a tracker's Lead cell ('SR/SS', 'Cllr Letts', 'DC'), where unambiguous."""
    found: list[Person] = []
    for token in re.split(r"\s*(?:/|,|&|\band\b)\s*", lead_text):
        token = token.strip()
        if not token:
            continue
        by_initials = list(Person.objects.filter(initials=token)[:2])
        if len(by_initials) == 1:
            found.append(by_initials[0])
            continue
        _, given, family = split_name(token.replace("Cllr", "Councillor"))
        person = find_person(given_name=given, family_name=family) if family else None
        if person is not None:
            found.append(person)
    return list(dict.fromkeys(found))


@dataclass
class TrackerImport:
    created: int = 0
    updated: int = 0
    progress_logged: int = 0
    meetings_created: list[str] = field(default_factory=list)


@transaction.atomic
def import_tracker(
    body: Body, rows: Iterable[Any], *, today: dt.date, by: Any = None, actor: str = ""
) -> TrackerImport:
    """Store the rows of an action tracker (``adapters.excel_actions.TrackerRow``) for
    ``body``: all of them or, if anything fails, none. Idempotent: importing the same
    tracker twice changes nothing. A meeting the tracker names that is not recorded yet is
    scheduled (as held) and reported."""
    summary = TrackerImport()
    for row in rows:
        meeting = Meeting.objects.filter(body=body, date=row.meeting_date).order_by("id").first()
        if meeting is None:
            meeting = schedule_meeting(
                body, date=row.meeting_date, status=MeetingStatus.HELD, by=by, actor=actor
            )
            summary.meetings_created.append(str(meeting))
        existed = Action.objects.filter(meeting=meeting, text=row.action).exists()
        first_status = row.progress[-1].status if row.progress else "Ongoing"
        action = raise_action(
            meeting,
            text=row.action,
            leads=find_leads(row.lead),
            lead_text=row.lead,
            deadline_text=row.deadline,
            status=first_status,
            subject=row.subject,
            agenda_number=row.agenda_number,
            by=by,
            actor=actor,
        )
        summary.updated += existed
        summary.created += not existed
        for entry in row.progress:
            if entry.on is None:
                # An undated status ('Complete'): logged once, on the day of the import,
                # unless the action already says exactly that.
                if action.updates.filter(progress_as_written=entry.as_written).exists():
                    continue
                if entry.as_written == action.status.name and not action.updates.exists():
                    continue
            before = action.updates.count()
            update_action(
                action,
                on=entry.on or today,
                status=entry.status,
                progress_as_written=entry.as_written,
                by=by,
                actor=actor,
            )
            summary.progress_logged += action.updates.count() - before
    return summary
