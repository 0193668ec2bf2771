"""Back office: compile and publish a meeting's packs, with progress."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from quorate.audit.services import history_for
from quorate.governance.enums import EXEMPT_PARAGRAPH_CHOICES, DocumentRole
from quorate.governance.models import AgendaItem
from quorate.governance.papers import MAX_PAPERS_PER_ITEM, attach_paper
from quorate.packs import services
from quorate.packs.enums import PackVariant
from quorate.packs.models import Pack
from quorate.views.backoffice.access import staff_required
from quorate.views.portal.pages import get_meeting


@staff_required
def meeting_packs(
    request: HttpRequest, key: str, errors: dict[str, str] | None = None
) -> HttpResponse:
    meeting = get_meeting(key)
    services.fail_stale_packs(meeting)  # a compilation whose worker died is shown failed
    packs = list(Pack.objects.filter(meeting=meeting).order_by("supplement", "variant", "-version"))
    return render(
        request,
        "backoffice/packs/meeting_packs.html",
        {
            "meeting": meeting,
            "packs": packs,
            "busy": any(p.status in {"queued", "compiling"} for p in packs),
            "supplement_ready": sorted(
                services.to_follow_now_ready(meeting)
                | services.to_follow_now_ready(meeting, variant=PackVariant.MEMBERS)
            ),
            "live_public": services.live_pack(meeting),
            "live_members": services.live_pack(meeting, variant=PackVariant.MEMBERS),
            "history": history_for(meeting)[:20],
            "items": [
                (item, (errors or {}).get(f"item-{item.pk}"))
                for item in meeting.items.prefetch_related("documents__versions").order_by("order")
            ],
            "roles": [
                (DocumentRole.REPORT, "Report"),
                (DocumentRole.APPENDIX, "Appendix"),
                (DocumentRole.SUPPLEMENT, "Supplementary paper"),
            ],
            "paragraphs": EXEMPT_PARAGRAPH_CHOICES,
            "max_papers": MAX_PAPERS_PER_ITEM,
            "errors": errors or {},
        },
        status=400 if errors else 200,
    )


@require_POST
@staff_required
def compile_pack(request: HttpRequest, key: str) -> HttpResponse:
    meeting = get_meeting(key)
    variant = request.POST.get("variant", PackVariant.PUBLIC)
    try:
        pack = services.request_pack(
            meeting,
            variant=variant,
            supplement=request.POST.get("supplement") == "1",
            reason=request.POST.get("reason", "").strip(),
            by=request.user,
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, f"Compiling {pack.title}. It is published when compilation succeeds."
        )
    return redirect("office-packs:meeting", key=meeting.slug)


@staff_required
def pack_status(request: HttpRequest, pk: int) -> JsonResponse:
    pack = get_object_or_404(Pack, pk=pk)
    if pack.status in {"queued", "compiling"} and services.fail_stale_packs(pack.meeting):
        pack.refresh_from_db()
    return JsonResponse(
        {
            "id": pack.pk,
            "status": pack.status,
            "progress": pack.progress,
            "message": pack.progress_message,
            "error": pack.error,
        }
    )


@require_POST
@staff_required
def upload_paper(request: HttpRequest, key: str, item_pk: int) -> HttpResponse:
    """Attach a PDF to an agenda item; bad files are refused naming the file."""
    meeting = get_meeting(key)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    upload = request.FILES.get("file")
    title = request.POST.get("title", "").strip()
    field = f"item-{item.pk}"
    if upload is None:
        return meeting_packs(request, key, errors={field: "Choose a PDF file to upload."})
    # Django's multipart parser drops parts without a file name, so this is only a fallback.
    filename = upload.name or "paper.pdf"
    if not title:
        title = filename.rsplit(".", 1)[0]
    paragraph_text = request.POST.get("exempt_paragraph", "").strip()
    allowed = {str(value): value for value, _ in EXEMPT_PARAGRAPH_CHOICES}
    if paragraph_text and paragraph_text not in allowed:
        choices = ", ".join(allowed)
        return meeting_packs(
            request,
            key,
            errors={
                field: f"Exempt paragraph {paragraph_text!r} for item {item.number} is not "
                f"a paragraph of Schedule 12A: choose one of {choices}, or leave it blank "
                "if the paper is not exempt."
            },
        )
    paragraph = allowed.get(paragraph_text)
    role = request.POST.get("role", DocumentRole.APPENDIX)
    if role not in DocumentRole.values:
        return meeting_packs(request, key, errors={field: f"Unknown paper type {role!r}."})
    try:
        attach_paper(
            item,
            title=title,
            filename=filename,
            data=upload.read(),
            role=role,
            exempt_paragraph=paragraph,
            by=request.user,
        )
    except ValidationError as exc:
        return meeting_packs(request, key, errors={field: " ".join(exc.messages)})
    messages.success(request, f"{upload.name} attached to item {item.number}.")
    return redirect("office-packs:meeting", key=meeting.slug)
