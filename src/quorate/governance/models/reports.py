"""Report cover sheets as structured fields (seeds 000, 001 and 003)."""

from __future__ import annotations

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
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["agenda_item__meeting", "agenda_item__order"]

    def __str__(self) -> str:
        return self.subject


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
