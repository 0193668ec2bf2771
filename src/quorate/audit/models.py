"""The audit trail: one row for every change made through a service."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Who did what to which record, when, with a summary of the change.

    Rows are written inside the same transaction as the change they describe, by
    :func:`quorate.audit.services.record`, and are never updated or deleted.
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    actor_label = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who acted when not a signed-in user, e.g. 'import-pack'.",
    )
    verb = models.CharField(max_length=80, help_text="What was done, e.g. 'publish_agenda'.")
    object_type = models.CharField(max_length=100, db_index=True)
    object_id = models.CharField(max_length=64, db_index=True)
    object_label = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "-at"], name="audit_object_idx")
        ]

    def __str__(self) -> str:
        who = self.actor.get_username() if self.actor else (self.actor_label or "system")
        return f"{self.at:%Y-%m-%d %H:%M} {who} {self.verb} {self.object_label or self.object_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Audit events are append-only and cannot be changed.")
        super().save(*args, **kwargs)
