"""The public portal: read-only pages for the public, press and members."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from quorate.core.ids import parse_id
from quorate.governance import visibility
from quorate.governance.enums import MembershipRole
from quorate.governance.models import Body, Meeting, Membership, ReportRevision
from quorate.people.models import Person
from quorate.views.portal import proceedings


def _viewer(request: HttpRequest) -> visibility.Viewer:
    return visibility.viewer_for(request.user)


def home(request: HttpRequest) -> HttpResponse:
    viewer = _viewer(request)
    today = timezone.localdate()
    meetings = visibility.meetings(viewer)
    return render(
        request,
        "portal/home.html",
        {
            "bodies": Body.objects.filter(is_active=True).select_related("parent"),
            "upcoming": meetings.filter(date__gte=today).order_by("date", "start_time")[:10],
            "recent": meetings.filter(date__lt=today).order_by("-date", "-start_time")[:10],
        },
    )


def body_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/body_list.html",
        {
            "bodies": Body.objects.select_related("parent").order_by("name"),
        },
    )


def meeting_key(key: str) -> Q:
    """A meeting's address part: its id (ASCII digits, :func:`parse_id`) or else its slug."""
    pk = parse_id(key)
    return Q(pk=pk) if pk is not None else Q(slug=key)


def get_meeting(key: str) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("body", "apologies_to"), meeting_key(key)
    )


def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = _viewer(request)
    body = get_object_or_404(Body.objects.select_related("parent", "contact_officer"), slug=slug)
    today = timezone.localdate()
    current = (
        Membership.objects.on(today)
        .filter(body=body)
        .select_related("person", "organisation", "person__organisation")
        .order_by("person__family_name", "person__given_name")
    )
    by_role: dict[str, list[Membership]] = defaultdict(list)
    for membership in current:
        by_role[membership.role].append(membership)
    labels = dict(MembershipRole.choices)
    groups = [(labels[r], by_role[r]) for r in MembershipRole.display_order() if by_role.get(r)]
    years: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in visibility.meetings(viewer).filter(body=body).order_by("-date"):
        meeting.body = body
        years[body.municipal_year_of(meeting.date)].append(meeting)
    return render(
        request,
        "portal/body_detail.html",
        {
            "body": body,
            "member_groups": groups,
            "years": list(years.items()),
            "children": body.children.all(),
            "terms": body.current_terms(),
        },
    )


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = visibility.meetings(_viewer(request)).order_by("-date", "-start_time")
    return render(request, "portal/meeting_list.html", {"meetings": meetings})


def meeting_detail(request: HttpRequest, key: str) -> HttpResponse:
    viewer = _viewer(request)
    lookup = meeting_key(key)
    meeting = get_object_or_404(
        proceedings.annotate_meetings(Meeting.objects.select_related("body", "apologies_to")),
        lookup,
    )
    items = visibility.agenda_items(viewer, meeting)
    papers = visibility.documents(viewer).filter(meeting=meeting, agenda_item__isnull=True)
    return render(
        request,
        "portal/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "meeting_documents": papers.prefetch_related("versions"),
            **proceedings.meeting_context(viewer, meeting, items),
        },
    )


def _as_at(request: HttpRequest) -> dt.date | None:
    """The ``?as_at=YYYY-MM-DD`` of a report page, or None; ValueError if malformed."""
    raw = request.GET.get("as_at", "").strip()
    if not raw:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise ValueError(raw)
    return dt.date.fromisoformat(raw)


def item_detail(request: HttpRequest, key: str, order: int) -> HttpResponse:
    """An agenda item and its report's cover sheet (``?as_at=`` a date: as it stood then),
    with the sheet's revisions."""
    viewer = _viewer(request)
    meeting = get_meeting(key)
    try:
        as_at = _as_at(request)
    except ValueError:
        return HttpResponseBadRequest(
            "as_at: give a date written YYYY-MM-DD, for example 2024-03-08, "
            f"not {request.GET.get('as_at', '')!r}",
            content_type="text/plain; charset=utf-8",
        )
    visible = next(
        (v for v in visibility.agenda_items(viewer, meeting) if v.item.order == order), None
    )
    if visible is None:
        raise Http404("No such agenda item")
    report = visible.report
    revisions: list[ReportRevision] = []
    shown: ReportRevision | None = None
    if report is not None:
        # Through the one door: only revisions of reports this viewer may see.
        revisions = list(
            ReportRevision.objects.filter(report__in=visibility.reports_qs(viewer), report=report)
            .select_related("recorded_by", "report")
            .order_by("-number")
        )
        if as_at is not None:
            shown = next(
                (r for r in revisions if timezone.localtime(r.recorded_at).date() <= as_at),
                None,
            )
    return render(
        request,
        "portal/item_detail.html",
        {
            "meeting": meeting,
            "v": visible,
            "item": visible.item,
            "report": shown.as_report() if shown is not None else (None if as_at else report),
            "current_report": report,
            "background_papers": list(report.background_papers.all()) if report else [],
            "revisions": revisions,
            "as_at": as_at,
            "shown_revision": shown,
        },
    )


def person_list(request: HttpRequest) -> HttpResponse:
    people = (
        Person.objects.filter(memberships__isnull=False)
        .distinct()
        .select_related("organisation")
        .order_by("family_name", "given_name")
    )
    return render(request, "portal/person_list.html", {"people": people})


def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(
        proceedings.annotate_people(Person.objects.select_related("organisation")).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("body", "organisation").order_by(
                    "-start_date", "body__name"
                ),
            )
        ),
        slug=slug,
    )
    items_led = person.items_led.select_related("meeting__body").order_by(
        "-meeting__date", "order"
    )[:50]
    return render(
        request,
        "portal/person_detail.html",
        {
            "person": person,
            "memberships": person.memberships.all(),
            "items_led": items_led,
            "today": timezone.localdate(),
            **proceedings.person_context(_viewer(request), person),
        },
    )


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    viewer = _viewer(request)
    document = get_object_or_404(visibility.documents(viewer), pk=pk)
    version = document.current_version
    if version is None:
        raise Http404("This document has no file yet")
    return FileResponse(
        version.file.open("rb"),
        as_attachment=False,
        filename=version.filename,
        content_type=version.content_type,
    )


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/accessibility.html")
