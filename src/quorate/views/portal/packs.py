"""Downloads of packs, printed minutes and decision notices, through the visibility rules."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from quorate.governance import visibility
from quorate.packs import printed
from quorate.packs.queries import visible_packs
from quorate.proceedings.models import Decision
from quorate.views.portal.pages import get_meeting


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def pack_download(request: HttpRequest, pk: int) -> FileResponse:
    pack = get_object_or_404(visible_packs(visibility.viewer_for(request.user)), pk=pk)
    return FileResponse(
        pack.file.open("rb"), content_type="application/pdf", filename=pack.filename
    )


def minutes_pdf(request: HttpRequest, key: str) -> HttpResponse:
    viewer = visibility.viewer_for(request.user)
    meeting = get_meeting(key)
    if not printed.has_minutes(meeting, viewer):
        raise Http404("No minutes are published for this meeting")
    return _pdf(printed.render_minutes(meeting, viewer).data, f"{meeting.slug}-minutes.pdf")


def decision_notice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    viewer = visibility.viewer_for(request.user)
    decision = get_object_or_404(
        visibility.decisions(viewer, Decision.objects.select_related("body", "meeting", "report")),
        pk=pk,
    )
    rendered = printed.render_decision_notice(decision)
    return _pdf(rendered.data, f"decision-{decision.pk}.pdf")
