"""Bodies, meetings, agendas, publication, notices and urgency routes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from quorate.governance import services as gov
from quorate.governance.enums import MeetingStatus
from quorate.governance.models import AgendaItem, Body, Meeting
from quorate.proceedings import queries
from quorate.proceedings import services as s
from quorate.proceedings.forms import AgendaItemForm, MeetingForm, NoticeForm, UrgencyForm
from quorate.proceedings.models import StatutoryNotice
from quorate.views.backoffice.access import staff_required, submit

MEETING_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "venue",
    "is_public",
    "notes",
    "apologies_contact",
)
ITEM_FIELDS = (
    "number",
    "title",
    "description",
    "lead_person",
    "lead_text",
    "for_discussion",
    "for_decision",
    "for_information",
    "attachment",
    "exempt_paragraph",
    "is_urgent",
    "urgency_reason",
)


def meeting_url(meeting: Meeting, page: str = "meeting") -> str:
    return reverse(f"office:{page}", args=[meeting.pk])


def get_meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


@staff_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    bodies = Body.objects.annotate(
        meeting_count=Count("meetings"),
        upcoming_count=Count("meetings", filter=Q(meetings__date__gte=today)),
    ).order_by("name")
    meetings = Meeting.objects.select_related("body").order_by("-date")[:20]
    return render(
        request,
        "backoffice/home.html",
        {"bodies": bodies, "meetings": meetings, "today": today},
    )


@staff_required
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    meetings = body.meetings.annotate(item_count=Count("items")).order_by("-date")
    return render(
        request,
        "backoffice/body.html",
        {"body": body, "meetings": meetings, "terms": body.current_terms()},
    )


@staff_required
def meeting_create(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    form = MeetingForm(request.POST or None)

    def create(data: dict[str, Any]) -> Meeting:
        if Meeting.objects.filter(body=body, date=data["date"], title=data["title"]).exists():
            raise ValidationError(
                f"{body.name} already has a meeting on {data['date']:%d/%m/%Y}; give this one "
                "a distinct title or edit that meeting"
            )
        fields = {k: data[k] for k in MEETING_FIELDS if k != "date"}
        return gov.schedule_meeting(body, date=data["date"], by=request.user, **fields)

    done = submit(request, form, create, success="Meeting created", next_url=meeting_url)
    return done or render(
        request, "backoffice/meeting_form.html", {"body": body, "form": form, "meeting": None}
    )


@staff_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    initial = {k: getattr(meeting, k) for k in MEETING_FIELDS}
    initial["status"] = meeting.status
    form = MeetingForm(request.POST or None, initial=initial, status_choices=MeetingStatus.choices)

    def save(data: dict[str, Any]) -> Meeting:
        fields = {k: data[k] for k in (*MEETING_FIELDS, "status")}
        return gov.update_meeting(meeting, by=request.user, **fields)

    done = submit(request, form, save, success="Meeting updated", next_url=meeting_url)
    return done or render(
        request,
        "backoffice/meeting_form.html",
        {"body": meeting.body, "form": form, "meeting": meeting},
    )


def _overview(
    request: HttpRequest, meeting: Meeting, **forms: Any
) -> HttpResponse:  # the meeting page, with any bound forms that failed
    today = timezone.localdate()
    history = queries.meeting_history(meeting)
    return render(
        request,
        "backoffice/meeting.html",
        {
            "meeting": meeting,
            "tab": "overview",
            "deadlines": queries.deadlines_for(meeting, today=today),
            "notices": StatutoryNotice.objects.filter(meeting=meeting),
            "urgency": queries.urgency_checks(meeting),
            "notice_form": forms.get("notice_form") or NoticeForm(prefix="notice"),
            "urgency_form": forms.get("urgency_form")
            or UrgencyForm(prefix="urgency", meeting=meeting),
            "meeting_history": history,
            "history": history.events,
            "history_records": True,
            "today": today,
        },
    )


@staff_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _overview(request, get_meeting(pk))


@staff_required
@require_POST
def meeting_publish(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    if meeting.published_at is not None:
        messages.info(request, "The agenda was already published; nothing changed")
        return redirect(meeting_url(meeting))
    try:
        gov.publish_agenda(meeting, by=request.user)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        when = timezone.localtime(meeting.published_at)
        messages.success(request, f"Agenda published, recorded at {when:%H:%M on %d/%m/%Y}")
    return redirect(meeting_url(meeting))


@staff_required
@require_POST
def meeting_notice(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    form = NoticeForm(request.POST, prefix="notice")

    def save(data: dict[str, Any]) -> object:
        return s.record_notice(meeting, by=request.user, **data)

    done = submit(request, form, save, success="Notice recorded", next_url=meeting_url(meeting))
    return done or _overview(request, meeting, notice_form=form)


@staff_required
@require_POST
def meeting_urgency(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    form = UrgencyForm(request.POST, prefix="urgency", meeting=meeting)

    def save(data: dict[str, Any]) -> object:
        return s.record_urgency(meeting, by=request.user, **data)

    done = submit(
        request, form, save, success="Urgency route recorded", next_url=meeting_url(meeting)
    )
    return done or _overview(request, meeting, urgency_form=form)


# --- the agenda -------------------------------------------------------------------------


def _agenda(request: HttpRequest, meeting: Meeting, form: AgendaItemForm | None) -> HttpResponse:
    items = meeting.items.select_related("lead_person").order_by("order")
    return render(
        request,
        "backoffice/agenda.html",
        {
            "meeting": meeting,
            "tab": "agenda",
            "items": items,
            "form": form or AgendaItemForm(meeting=meeting),
        },
    )


@staff_required
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    if request.method != "POST":
        return _agenda(request, meeting, None)
    form = AgendaItemForm(request.POST, meeting=meeting)

    def add(data: dict[str, Any]) -> AgendaItem:
        fields = {k: data[k] for k in ITEM_FIELDS if k != "number"}
        return gov.save_agenda_item(meeting, number=data["number"], by=request.user, **fields)

    done = submit(
        request,
        form,
        add,
        success="Item added to the agenda",
        next_url=meeting_url(meeting, "agenda"),
    )
    return done or _agenda(request, meeting, form)


@staff_required
def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    initial = {k: getattr(item, k) for k in ITEM_FIELDS}
    form = AgendaItemForm(request.POST or None, initial=initial, meeting=meeting, item=item)

    def save(data: dict[str, Any]) -> AgendaItem:
        return gov.update_agenda_item(item, by=request.user, **{k: data[k] for k in ITEM_FIELDS})

    done = submit(
        request, form, save, success="Item updated", next_url=meeting_url(meeting, "agenda")
    )
    return done or render(
        request,
        "backoffice/item_form.html",
        {"meeting": meeting, "item": item, "form": form, "tab": "agenda"},
    )


@staff_required
@require_POST
def item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    meeting = get_meeting(pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    direction = request.POST.get("direction", "")
    try:
        with transaction.atomic():
            gov.move_agenda_item(item, direction=direction, by=request.user)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, f"Moved item {item.number} {direction}")
    return redirect(meeting_url(meeting, "agenda") + f"#item-{item.pk}")
