"""Gather a meeting's papers from the database and compile them into one PDF.

The page arithmetic is the pure core's (:mod:`quorate.core.pagemap`); rendering and
merging are the PDF adapter's (:mod:`quorate.adapters.pdf`). This module only decides
what goes in, in what order, for which audience.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from quorate.adapters import pdf
from quorate.core.pagemap import ItemStatus, PackDocument, PackItem, PageMap, Variant
from quorate.governance import visibility
from quorate.governance.enums import Attachment, DocumentRole
from quorate.governance.models import AgendaItem, Document, Meeting, Membership
from quorate.packs.enums import PackVariant

Progress = Callable[[int, str], None]

MINUTES_ITEM = re.compile(r"minutes\s+of\s+the\s+previous|previous\s+minutes", re.I)
TRACKER_ITEM = re.compile(r"action\s+tracker", re.I)
PERFORMANCE_ITEM = re.compile(r"\bperformance\b", re.I)


@dataclass
class PackInputs:
    items: list[PackItem] = field(default_factory=list)
    sources: dict[str, bytes] = field(default_factory=dict)
    minutes_of: list[Meeting] = field(default_factory=list)  # earlier meetings' minutes carried


@dataclass(frozen=True)
class BuiltPack:
    data: bytes
    page_map: PageMap
    minutes_of: tuple[Meeting, ...] = ()

    @property
    def page_ranges(self) -> dict[str, str]:
        return {i.number: (i.label or "") for i in self.page_map.items}

    @property
    def page_count(self) -> int:
        return self.page_map.total_pages


def _render(template: str, context: dict[str, Any]) -> pdf.RenderedPdf:
    return pdf.render_document(render_to_string(template, context))


def _is_withheld(item: AgendaItem, variant: str) -> bool:
    restricted = item.exempt_paragraph is not None or not item.meeting.is_public
    return restricted and variant == PackVariant.PUBLIC


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(body=meeting.body, date__lt=meeting.date)
        .exclude(status="cancelled")
        .order_by("-date")
        .first()
    )


def reader_of(meeting: Meeting, variant: str) -> visibility.Viewer:
    """Who reads this variant of the pack: the public, or the members of the body."""
    if variant == PackVariant.MEMBERS:
        return visibility.Viewer(member_of=frozenset({meeting.body_id}))
    return visibility.PUBLIC


def _generated_papers(item: AgendaItem, inputs: PackInputs, variant: str) -> list[PackDocument]:
    """What Quorate renders for an item from its own data: the previous meeting's minutes,
    the live action tracker, and the body's performance summary with SPC charts."""
    from quorate.packs import printed  # the printed minutes and tracker share templates

    docs = []
    meeting = item.meeting
    if MINUTES_ITEM.search(item.title):
        prev = previous_meeting(meeting)
        # The pack is how the draft of the previous minutes is published: it carries them
        # (non-exempt parts, for the public) and its publication records them as released.
        reader = reader_of(meeting, variant)
        if prev is not None and printed.has_minutes(prev, reader, publishing_drafts=True):
            rendered = printed.render_minutes(prev, reader, publishing_drafts=True)
            inputs.minutes_of.append(prev)
            key = f"minutes-{prev.pk}"
            inputs.sources[key] = rendered.data
            docs.append(PackDocument(key, f"Minutes of {prev.date:%-d %B %Y}", rendered.pages))
    if TRACKER_ITEM.search(item.title):
        tracker = printed.render_action_tracker(
            meeting.body, as_at=meeting.date, viewer=reader_of(meeting, variant)
        )
        if tracker is not None:
            key = f"tracker-{meeting.pk}"
            inputs.sources[key] = tracker.data
            docs.append(PackDocument(key, "Action tracker", tracker.pages))
    if PERFORMANCE_ITEM.search(item.title):
        # What the board was told: figures as they stood when the pack was compiled, and
        # never later than the meeting (a pack compiled afterwards shows what it could have).
        as_at = min(timezone.localdate(), meeting.date)
        summary = printed.render_performance_summary(meeting.body, as_at=as_at)
        if summary is not None:
            key = f"performance-{meeting.pk}-{item.pk}"
            inputs.sources[key] = summary.data
            docs.append(PackDocument(key, "Performance summary and SPC charts", summary.pages))
    return docs


def gather(
    meeting: Meeting,
    variant: str,
    *,
    only_items: set[str] | None = None,
    progress: Progress = lambda *_: None,
) -> PackInputs:
    inputs = PackInputs()
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("meeting__body", "lead_person")
        .prefetch_related("documents__versions")
        .order_by("order")
    )
    reports = {r.agenda_item_id: r for r in _reports(meeting)}
    for n, item in enumerate(items, start=1):
        if only_items is not None and item.number not in only_items:
            continue
        progress(10 + int(50 * n / max(len(items), 1)), f"Preparing item {item.number}")
        withheld = _is_withheld(item, variant)
        cover = None
        appendices: list[PackDocument] = []
        if not withheld:
            report = reports.get(item.pk)
            if report is not None:
                rendered = _render(
                    "packs/cover_sheet.html",
                    {"report": report, "item": item, "meeting": meeting, "variant": variant},
                )
                key = f"cover-{item.pk}"
                inputs.sources[key] = rendered.data
                cover = PackDocument(key, f"Report: {report.subject}", rendered.pages)
            appendices.extend(_generated_papers(item, inputs, variant))
            for doc in _papers(item, variant):
                version = doc.current_version
                if version is None:
                    continue
                data = version.file.open("rb").read()
                version.file.close()
                key = f"doc-{doc.pk}-v{version.number}"
                inputs.sources[key] = data
                pages = version.page_count or pdf.count_pages(data)
                # An exempt paper reaches only the members' pack, every page stamped.
                appendices.append(
                    PackDocument(key, doc.title, pages, restricted=doc.exempt_paragraph is not None)
                )
        has_papers = cover is not None or bool(appendices)
        inputs.items.append(
            PackItem(
                number=item.number,
                title=item.title,
                cover=cover,
                appendices=tuple(appendices),
                to_follow=item.attachment == Attachment.TO_FOLLOW and not has_papers,
                exempt=item.exempt_paragraph is not None or not meeting.is_public,
            )
        )
    return inputs


def _reports(meeting: Meeting) -> list[Any]:
    from quorate.governance.models import Report

    return list(
        Report.objects.filter(agenda_item__meeting=meeting).prefetch_related("background_papers")
    )


def _papers(item: AgendaItem, variant: str) -> list[Document]:
    docs = [d for d in item.documents.all() if d.role != DocumentRole.MINUTES]
    if variant == PackVariant.PUBLIC:
        docs = [d for d in docs if d.exempt_paragraph is None]
    return sorted(docs, key=lambda d: (d.order, d.pk))


def front_sheet_context(
    meeting: Meeting,
    variant: str,
    page_map: PageMap | None,
    *,
    supplement: int = 0,
    published_on: Any = None,
) -> dict[str, Any]:
    labels = {i.number: i for i in page_map.items} if page_map else {}
    members = (
        Membership.objects.on(meeting.date)
        .filter(body=meeting.body)
        .exclude(role="in_attendance")
        .select_related("person")
        .order_by("person__family_name")
    )
    rows = []
    items = meeting.items.select_related("lead_person").prefetch_related("documents")
    for item in items.order_by("order"):
        placed = labels.get(item.number)
        if placed is None and supplement:
            continue
        withheld = placed is not None and placed.status == ItemStatus.WITHHELD
        for_members = variant == PackVariant.MEMBERS
        rows.append(
            {
                "item": item,
                "label": placed.label if placed else None,
                "withheld": withheld,
                "show_description": not withheld and (item.exempt_paragraph is None or for_members),
                # The members' pack says which of its items and papers are not for publication.
                "restricted": for_members
                and (item.exempt_paragraph is not None or not meeting.is_public),
                "restricted_papers": [
                    d
                    for d in item.documents.all()
                    if d.exempt_paragraph is not None and d.role != DocumentRole.MINUTES
                ]
                if for_members and item.exempt_paragraph is None and meeting.is_public
                else [],
            }
        )
    return {
        "meeting": meeting,
        "variant": variant,
        "rows": rows,
        "members": members,
        "supplement": supplement,
        "published_on": published_on or timezone.localdate(),
        "restricted": variant == PackVariant.MEMBERS,
    }


def build(
    meeting: Meeting,
    variant: str,
    *,
    supplement: int = 0,
    only_items: set[str] | None = None,
    progress: Progress = lambda *_: None,
) -> BuiltPack:
    """Compile the pack's PDF (nothing is stored)."""
    progress(5, "Collecting papers")
    inputs = gather(meeting, variant, only_items=only_items, progress=progress)
    progress(65, "Laying out the front sheet")
    # The date printed under the agenda: the meeting's recorded publication date for its
    # first pack, today's date for a re-issue or a supplement.
    first_issue = supplement == 0 and not meeting.packs.filter(status="published").exists()
    published_on = (meeting.publication_date if first_issue else None) or timezone.localdate()

    def front_sheet(page_map: PageMap) -> str:
        return render_to_string(
            "packs/front_sheet.html",
            front_sheet_context(
                meeting, variant, page_map, supplement=supplement, published_on=published_on
            ),
        )

    title = f"{meeting.display_title}, {meeting.date:%-d %B %Y}"
    if supplement:
        title = f"{title}: supplementary pack {supplement}"
    if variant == PackVariant.MEMBERS:
        title = f"{title}: members' pack (restricted)"
    compiled = pdf.compile_pack(
        inputs.items,
        inputs.sources,
        front_sheet_html=front_sheet,
        title=title,
        variant=Variant.MEMBERS if variant == PackVariant.MEMBERS else Variant.PUBLIC,
        front_sheet_title="Supplementary agenda" if supplement else "Agenda",
    )
    progress(95, "Assembled")
    return BuiltPack(compiled.data, compiled.page_map, tuple(inputs.minutes_of))
