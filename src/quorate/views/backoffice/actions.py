"""The action tracker: raising actions, logging progress, "my actions", Excel out and in;
and the register of interests."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from quorate.adapters import excel_actions as excel
from quorate.audit.services import history_for
from quorate.governance import visibility
from quorate.governance.models import Body
from quorate.people import services as people_services
from quorate.people.models import Interest, Person
from quorate.proceedings import queries
from quorate.proceedings import tracker as action_tracker
from quorate.proceedings.forms import (
    ActionForm,
    ActionUpdateForm,
    EndInterestForm,
    InterestForm,
    TrackerUploadForm,
)
from quorate.proceedings.models import Action, Minute
from quorate.views.backoffice.access import staff_required, submit
from quorate.views.backoffice.meetings import get_meeting
from quorate.views.backoffice.proceedings import minute_page

STAFF = visibility.Viewer(is_staff=True)
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def _raise(request: HttpRequest, meeting: Any, data: dict[str, Any]) -> Action:
    return action_tracker.raise_action(
        meeting,
        text=data["text"],
        leads=data["leads"],
        lead_text=data["lead_text"],
        deadline_text=data["deadline_text"],
        status=data["status"].name,
        subject=data["subject"],
        agenda_number=data["agenda_number"],
        minute=data["minute"],
        new=True,
        by=request.user,
    )


@staff_required
def meeting_actions(request: HttpRequest, pk: int) -> HttpResponse:
    """Actions raised at this meeting, the raise form, and the tracker carried forward."""
    meeting = get_meeting(pk)
    form = ActionForm(request.POST or None, meeting=meeting)
    done = submit(
        request,
        form,
        lambda data: _raise(request, meeting, data),
        success="Action raised",
        next_url=lambda a: reverse("office:action", args=[a.pk]),
    )
    if done:
        return done
    raised = queries.tracker(meeting.body, viewer=STAFF).filter(meeting=meeting)
    return render(
        request,
        "backoffice/meeting_actions.html",
        {
            "meeting": meeting,
            "tab": "actions",
            "raised": raised,
            "carried": queries.carried_forward(meeting, viewer=STAFF),
            "form": form,
            "today": timezone.localdate(),
        },
    )


@staff_required
@require_POST
def minute_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action from a minute's page."""
    minute = get_object_or_404(Minute.objects.select_related("meeting__body"), pk=pk)
    form = ActionForm(request.POST, meeting=minute.meeting, prefix="action")
    done = submit(
        request,
        form,
        lambda data: _raise(request, minute.meeting, data),
        success="Action raised",
        next_url=reverse("office:minute", args=[minute.pk]),
    )
    return done or minute_page(request, minute, action_form=form)


def _action_page(
    request: HttpRequest, action: Action, form: ActionUpdateForm | None
) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "backoffice/action.html",
        {
            "action": action,
            "updates": action.updates.select_related("status", "by").order_by("-on", "-id"),
            "form": form
            or ActionUpdateForm(
                initial={"on": today, "status": action.status_id, "action": action}
            ),
            "history": history_for(action)[:50],
            "today": today,
        },
    )


@staff_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("meeting__body", "status", "minute").prefetch_related(
            "leads"
        ),
        pk=pk,
    )
    if request.method != "POST":
        return _action_page(request, action, None)
    form = ActionUpdateForm(request.POST, initial={"action": action})

    def save(data: dict[str, Any]) -> object:
        return action_tracker.update_action(
            action, on=data["on"], status=data["status"].name, note=data["note"], by=request.user
        )

    url = reverse("office:action", args=[action.pk])
    done = submit(request, form, save, success="Progress logged", next_url=url)
    return done or _action_page(request, action, form)


def _tracker_page(request: HttpRequest, body: Body, form: TrackerUploadForm | None) -> HttpResponse:
    show = request.GET.get("show", "open")
    actions = list(queries.tracker(body, viewer=STAFF, include_closed=show == "all"))
    today = timezone.localdate()
    return render(
        request,
        "backoffice/tracker.html",
        {
            "body": body,
            "actions": actions,
            "overdue": queries.overdue(actions, today),
            "show": show,
            "form": form or TrackerUploadForm(),
            "today": today,
        },
    )


@staff_required
def tracker(request: HttpRequest, slug: str) -> HttpResponse:
    return _tracker_page(request, get_object_or_404(Body, slug=slug), None)


def tracker_rows(actions: Any) -> list[excel.TrackerRow]:
    rows = []
    for a in actions:
        updates = sorted(a.updates.all(), key=lambda u: (u.on, u.id))
        progress = tuple(
            excel.ProgressEntry(u.on, u.status.name, u.progress_as_written) for u in updates
        ) or (excel.ProgressEntry(None, a.status.name, a.status.name),)
        lead = a.lead_text or "/".join(p.name for p in a.leads.all())
        rows.append(
            excel.TrackerRow(
                agenda_number=a.agenda_number,
                meeting_date=a.meeting.date,
                subject=a.subject,
                action=a.text,
                lead=lead,
                deadline=a.deadline_text or (f"{a.deadline:%d/%m/%Y}" if a.deadline else ""),
                progress=progress,
            )
        )
    return rows


@staff_required
def tracker_export(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    actions = queries.tracker(body, viewer=STAFF)
    data = excel.write_tracker(tracker_rows(actions), title=f"{body.name} - Action Tracker")
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{body.slug}-actions-{stamp}.xlsx"'
    return response


@staff_required
@require_POST
def tracker_import(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    form = TrackerUploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            form.add_error("file", "The file is larger than 5 MB")
        else:
            try:
                rows = excel.read_tracker(upload.read())
            except excel.TrackerImportError as exc:
                for error in exc.errors:
                    form.add_error("file", str(error))
            else:
                summary = action_tracker.import_tracker(
                    body, rows, today=timezone.localdate(), by=request.user
                )
                made = (
                    f"; meetings added: {', '.join(summary.meetings_created)}"
                    if summary.meetings_created
                    else ""
                )
                messages.success(
                    request,
                    f"Imported {summary.created} new and {summary.updated} existing actions, "
                    f"{summary.progress_logged} progress entries{made}",
                )
                return redirect(reverse("office:tracker", args=[body.slug]) + "?show=all")
    return _tracker_page(request, body, form)


@staff_required
def my_actions(request: HttpRequest) -> HttpResponse:
    # staff_required has turned anonymous visitors away; the check lets mypy see it too.
    user = request.user
    person = Person.objects.filter(user=user).first() if user.is_authenticated else None
    if person is None:
        return render(request, "backoffice/person_actions.html", {"person": None, "mine": True})
    return person_actions(request, person.slug, mine=True)


@staff_required
def person_actions(request: HttpRequest, slug: str, mine: bool = False) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    actions = list(queries.actions_for_person(person, viewer=STAFF))
    today = timezone.localdate()
    return render(
        request,
        "backoffice/person_actions.html",
        {
            "person": person,
            "actions": actions,
            "overdue": queries.overdue(actions, today),
            "mine": mine,
            "today": today,
        },
    )


# --- the register of interests -----------------------------------------------------------


@staff_required
def people(request: HttpRequest) -> HttpResponse:
    rows = (
        Person.objects.filter(Q(memberships__isnull=False) | Q(interests__isnull=False))
        .distinct()
        .annotate(
            current_interests=Count(
                "interests", filter=Q(interests__ended_on__isnull=True), distinct=True
            )
        )
        .select_related("organisation")
        .order_by("family_name", "given_name")
    )
    return render(request, "backoffice/people.html", {"people": rows})


@staff_required
def interests(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    form = InterestForm(request.POST or None)

    def save(data: dict[str, Any]) -> Interest:
        return people_services.register_interest(person, by=request.user, **data)

    url = reverse("office:interests", args=[person.slug])
    done = submit(request, form, save, success="Interest registered", next_url=url)
    return done or _interests_page(request, person, form)


def _interests_page(
    request: HttpRequest, person: Person, form: InterestForm, end_form: Any = None
) -> HttpResponse:
    entries = Interest.objects.filter(person=person).order_by("-registered_on", "-id")
    return render(
        request,
        "backoffice/interests.html",
        {
            "person": person,
            "current": [
                (
                    e,
                    end_form[1]
                    if end_form and end_form[0] == e.pk
                    else EndInterestForm(prefix=f"end-{e.pk}"),
                )
                for e in entries
                if e.ended_on is None
            ],
            "past": [e for e in entries if e.ended_on is not None],
            "form": form,
            "end_form": end_form,
            "declarations": person.declarations.select_related("meeting__body", "agenda_item"),
        },
    )


@staff_required
@require_POST
def interest_end(request: HttpRequest, pk: int) -> HttpResponse:
    interest = get_object_or_404(Interest.objects.select_related("person"), pk=pk)
    form = EndInterestForm(request.POST, prefix=f"end-{interest.pk}")

    def save(data: dict[str, Any]) -> Interest:
        return people_services.end_interest(interest, ended_on=data["ended_on"], by=request.user)

    url = reverse("office:interests", args=[interest.person.slug])
    done = submit(request, form, save, success="Interest ended", next_url=url)
    if done:
        return done
    return _interests_page(request, interest.person, InterestForm(), end_form=(interest.pk, form))
