"""Compiled packs: one row per compilation; a published pack never changes."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.fields.files import FieldFile

from quorate.governance.models import Meeting
from quorate.packs.enums import PackStatus, PackVariant


def _pack_path(instance: Pack, filename: str) -> str:
    return f"packs/{instance.meeting_id}/{filename}"


class PublishedPackChanged(ValueError):
    """Someone tried to change a published pack (which never changes)."""


class PackQuerySet(models.QuerySet["Pack"]):
    def update(self, **kwargs: Any) -> int:
        """Bulk updates skip ``Pack.save``; they are refused if they would touch a
        published pack (filter on the status to update only packs still in progress)."""
        if self.filter(status=PackStatus.PUBLISHED).exists():
            raise PublishedPackChanged(
                "A published pack never changes; issue a new version instead."
            )
        return super().update(**kwargs)


class Pack(models.Model):
    """A Public Document Pack (or members' pack, or supplement) of a meeting, one version.

    ``supplement`` is 0 for the main pack and 1, 2... for supplementary packs of papers
    that were "To Follow". ``version`` counts re-issues of the same pack; the old
    versions stay downloadable. Once published, the file and its checksum never change.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="packs")
    variant = models.CharField(max_length=20, choices=PackVariant.choices)
    supplement = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveSmallIntegerField(default=1)
    reason = models.TextField(
        blank=True, help_text="Why this version was issued (required for a re-issue)."
    )
    status = models.CharField(max_length=20, choices=PackStatus.choices, default=PackStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    progress_message = models.CharField(max_length=200, blank=True)
    progress_at = models.DateTimeField(
        null=True, blank=True, help_text="When the compiler last reported progress."
    )
    error = models.TextField(blank=True)
    file = models.FileField(upload_to=_pack_path, max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    page_ranges = models.JSONField(default=dict, blank=True, help_text="Item number -> label.")
    items = models.JSONField(default=list, blank=True, help_text="Item numbers this pack carries.")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PackQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "variant", "supplement", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "variant", "supplement", "version"], name="pack_version_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status=PackStatus.PUBLISHED)
                | Q(published_at__isnull=False, sha256__regex=r"^[0-9a-f]{64}$"),
                name="published_pack_has_file_and_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} – {self.title}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Every field of a published pack is frozen (its file, checksum, page ranges,
        publication time, reason...); publishing again is a new version."""
        if self.pk is not None:
            fields = [f.attname for f in self._meta.concrete_fields]
            stored = Pack.objects.filter(pk=self.pk).values(*fields).first()
            if stored and stored["status"] == PackStatus.PUBLISHED:
                changed = [
                    name
                    for name in fields
                    if _comparable(getattr(self, name)) != _comparable(stored[name])
                ]
                if changed:
                    raise PublishedPackChanged(
                        f"A published pack never changes (tried to change {', '.join(changed)}); "
                        "issue a new version instead."
                    )
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        name = (
            "Supplementary pack " + str(self.supplement)
            if self.supplement
            else self.get_variant_display()
        )
        if self.supplement and self.variant == PackVariant.MEMBERS:
            name += " (members)"
        return f"{name}, version {self.version}" if self.version > 1 else name

    @property
    def filename(self) -> str:
        kind = f"supplement-{self.supplement}" if self.supplement else "pack"
        extra = "-members" if self.variant == PackVariant.MEMBERS else ""
        return f"{self.meeting.slug}-{kind}{extra}-v{self.version}.pdf"


def _comparable(value: Any) -> Any:
    """A field's value as stored (a FieldFile compares by its name)."""
    if isinstance(value, FieldFile):
        return value.name or ""
    return value
