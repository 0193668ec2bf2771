"""Attaching papers (PDFs) to agenda items: checked at upload, stored as versions."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from quorate.adapters import pdf
from quorate.audit.services import record
from quorate.governance.enums import Attachment, DocumentRole
from quorate.governance.models import AgendaItem, Document, DocumentVersion

MAX_PAPERS_PER_ITEM = 20


@transaction.atomic
def attach_paper(
    item: AgendaItem,
    *,
    title: str,
    filename: str,
    data: bytes,
    role: str = DocumentRole.APPENDIX,
    exempt_paragraph: int | None = None,
    document: Document | None = None,
    reason: str = "",
    by: Any = None,
    actor: str = "",
) -> DocumentVersion:
    """Check and store a PDF as a new document (or a new version of ``document``).

    Encrypted, damaged and non-PDF files are refused with a message naming the file;
    so are files over the size limit and items already holding the maximum number of papers.
    """
    try:
        info = pdf.inspect_upload(
            filename, data, max_bytes=settings.QUORATE_MAX_UPLOAD_BYTES, check_text=False
        )
    except pdf.PdfRejected as exc:
        raise ValidationError(str(exc)) from None
    if document is None:
        if item.documents.count() >= MAX_PAPERS_PER_ITEM:
            raise ValidationError(
                f"{filename}: item {item.number} already has "
                f"{MAX_PAPERS_PER_ITEM} papers, the most allowed."
            )
        document = Document.objects.create(
            title=title,
            role=role,
            meeting=item.meeting,
            agenda_item=item,
            order=item.documents.count() + 1,
            exempt_paragraph=exempt_paragraph,
        )
    number = (
        document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    sha = hashlib.sha256(data).hexdigest()
    version = DocumentVersion(
        document=document,
        number=number,
        filename=filename,
        content_type="application/pdf",
        size=len(data),
        sha256=sha,
        page_count=info.pages,
        reason=reason,
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    version.file.save(filename, ContentFile(data), save=False)
    version.save()
    if item.attachment != Attachment.ATTACHED:
        item.attachment = Attachment.ATTACHED
        item.save(update_fields=["attachment"])
    record(
        document,
        verb="attach_paper",
        by=by,
        actor_label=actor,
        reason=reason,
        changes={"filename": filename, "version": number, "pages": info.pages, "sha256": sha},
    )
    return version
