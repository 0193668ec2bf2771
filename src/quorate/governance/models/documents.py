"""Uploaded files, kept as versions with type, size and checksum."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from quorate.governance.enums import EXEMPT_PARAGRAPH_CHOICES, DocumentRole
from quorate.governance.models.meetings import AgendaItem, Meeting


class Document(models.Model):
    """A paper (report, appendix, supplement...) with one or more versions."""

    title = models.CharField(max_length=500)
    role = models.CharField(max_length=30, choices=DocumentRole.choices, default=DocumentRole.OTHER)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="documents"
    )
    order = models.PositiveIntegerField(default=1)
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=EXEMPT_PARAGRAPH_CHOICES,
        help_text="Set if this document itself is exempt even where its item is not.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "agenda_item", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(exempt_paragraph__isnull=True)
                | Q(exempt_paragraph__gte=1, exempt_paragraph__lte=7),
                name="document_exempt_paragraph_1_to_7",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """A paper of an agenda item belongs to that item's meeting (the visibility rules read
        both, so they must agree)."""
        super().clean()
        item = self.agenda_item
        if item is None:
            return
        item_meeting = item.meeting_id
        if self.meeting_id is None:
            self.meeting_id = item_meeting
        elif self.meeting_id != item_meeting:
            raise ValidationError(
                {
                    "meeting": f"The paper's item {item.number} is on the agenda of "
                    f"{item.meeting}, not this meeting."
                }
            )

    @property
    def current_version(self) -> DocumentVersion | None:
        versions = getattr(self, "_prefetched_objects_cache", {}).get("versions")
        if versions is not None:
            return max(versions, key=lambda v: v.number, default=None)
        return self.versions.order_by("-number").first()


def _upload_to(instance: DocumentVersion, filename: str) -> str:
    return f"documents/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class DocumentVersion(models.Model):
    """One immutable upload of a document."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=_upload_to, max_length=400)
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, help_text="Extracted text, for search.")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="document_version_unique"),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="document_sha256_hex"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"
