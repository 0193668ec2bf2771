"""Report cover sheets as structured fields (seeds 000, 001 and 003)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from quorate.governance.enums import EXEMPT_PARAGRAPH_CHOICES
from quorate.governance.models.meetings import AgendaItem


class Report(models.Model):
    """The cover sheet of a report to a meeting, one per agenda item.

    Southampton's template (decision-maker, subject, date of decision, report of, contact
    details, ... ESIA/PIA) and Portsmouth's "Title of meeting / Report by / for information
    only" template both map onto these fields.
    """

    agenda_item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="report")
    decision_maker = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=500)
    decision_date = models.DateField(null=True, blank=True)
    report_of = models.CharField(max_length=300, blank=True)
    requested_by = models.CharField(max_length=300, blank=True)
    for_information_only = models.BooleanField(default=False)
    author_name = models.CharField(max_length=200, blank=True)
    author_title = models.CharField(max_length=200, blank=True)
    author_phone = models.CharField(max_length=40, blank=True)
    author_email = models.EmailField(blank=True)
    director_name = models.CharField(max_length=200, blank=True)
    director_title = models.CharField(max_length=200, blank=True)
    director_phone = models.CharField(max_length=40, blank=True)
    director_email = models.EmailField(blank=True)
    confidentiality_statement = models.TextField(blank=True)
    brief_summary = models.TextField(blank=True)
    recommendations = models.JSONField(default=list, blank=True, help_text="A list, (i), (ii)...")
    reasons = models.TextField(blank=True)
    alternative_options = models.TextField(blank=True)
    detail = models.TextField(blank=True)
    capital_revenue_implications = models.TextField(blank=True)
    property_other_implications = models.TextField(blank=True)
    statutory_power = models.TextField(blank=True)
    other_legal_implications = models.TextField(blank=True)
    conflict_of_interest_implications = models.TextField(blank=True)
    risk_management_implications = models.TextField(blank=True)
    policy_framework_implications = models.TextField(blank=True)
    key_decision = models.BooleanField(null=True, blank=True)
    key_decision_reference = models.CharField(max_length=60, blank=True)
    wards_affected = models.CharField(max_length=500, blank=True)
    appendices = models.JSONField(default=list, blank=True, help_text="Appendix titles, in order.")
    documents_in_members_rooms = models.JSONField(default=list, blank=True)
    esia_required = models.BooleanField(
        null=True, blank=True, help_text="Equality and Safety Impact Assessment required?"
    )
    pia_required = models.BooleanField(
        null=True, blank=True, help_text="Privacy Impact Assessment required?"
    )
    signed_by = models.CharField(max_length=200, blank=True)
    revision = models.PositiveIntegerField(default=1)  # the newest ReportRevision's number

    class Meta:
        ordering = ["agenda_item__meeting", "agenda_item__order"]

    def __str__(self) -> str:
        return self.subject

    @classmethod
    def cover_sheet_fields(cls) -> list[models.Field[Any, Any]]:
        """The fields a revision keeps: all but the key, the item and the counter."""
        return [
            f for f in cls._meta.concrete_fields if f.name not in {"id", "agenda_item", "revision"}
        ]

    def snapshot(self) -> dict[str, Any]:
        """The cover sheet as JSON-ready data (dates as ISO strings)."""
        data = {f.name: getattr(self, f.name) for f in self.cover_sheet_fields()}
        loaded: dict[str, Any] = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
        return loaded


class ReportRevision(models.Model):
    """What a report's cover sheet said from ``recorded_at`` until the next revision.

    Written by ``save_report`` whenever the cover sheet changes (the first save is revision
    1); never edited, so a board can see what the sheet said when the pack was published
    and what it says now."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(encoder=DjangoJSONEncoder, help_text="Every cover-sheet field.")
    changed_fields = models.JSONField(
        default=list, blank=True, help_text="Fields that differ from the previous revision."
    )
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(
        max_length=200, blank=True, help_text="A system actor such as 'import-pack'."
    )
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="report_revision_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} (revision {self.number})"

    @property
    def recorded_by_name(self) -> str:
        if self.recorded_by is not None:
            user = self.recorded_by
            return str(user.get_full_name() or user.get_username())
        return self.actor_label or "system"

    @property
    def changed_labels(self) -> list[str]:
        """The changed fields' names as a reader knows them."""
        names = {f.name: str(f.verbose_name) for f in Report.cover_sheet_fields()}
        return [names.get(name, name.replace("_", " ")) for name in self.changed_fields]

    def as_report(self) -> Report:
        """An unsaved Report holding this revision's cover sheet (for display only)."""
        values: dict[str, Any] = {}
        for f in Report.cover_sheet_fields():
            if f.name in self.snapshot:
                values[f.name] = f.to_python(self.snapshot[f.name])
        return Report(agenda_item_id=self.report.agenda_item_id, revision=self.number, **values)


class BackgroundPaper(models.Model):
    """A background paper listed under s100D LGA 1972, possibly exempt."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="background_papers")
    order = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=500)
    location = models.CharField(max_length=300, blank=True)
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=EXEMPT_PARAGRAPH_CHOICES
    )

    class Meta:
        ordering = ["report", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(exempt_paragraph__isnull=True)
                | Q(exempt_paragraph__gte=1, exempt_paragraph__lte=7),
                name="background_paper_exempt_paragraph_1_to_7",
            ),
        ]

    def __str__(self) -> str:
        return self.title
