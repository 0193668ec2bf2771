"""Meetings and their agenda items."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from quorate.governance.enums import (
    EXEMPT_PARAGRAPH_CHOICES,
    Attachment,
    MeetingStatus,
    Purpose,
)
from quorate.governance.models.bodies import Body
from quorate.people.models import Person

LONDON = ZoneInfo("Europe/London")


class Meeting(models.Model):
    """A meeting of a body. Date and times are wall-clock Europe/London."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    slug = models.SlugField(max_length=160, unique=True)
    title = models.CharField(
        max_length=200, blank=True, help_text="Only if it differs from the body's name."
    )
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    is_public = models.BooleanField(
        default=True, help_text="Open to the public. A private meeting's papers are never public."
    )
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    notes = models.TextField(blank=True, help_text="e.g. 'PLEASE NOTE TIME OF MEETING'.")
    apologies_to = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who takes apologies.",
    )
    apologies_contact = models.CharField(
        max_length=300, blank=True, help_text="As printed, e.g. 'email: natalie.johnson@...'."
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="When the agenda was published (recorded, not typed)."
    )
    publication_date = models.DateField(
        null=True, blank=True, help_text="The date printed under the agenda."
    )
    publication_signatory = models.CharField(
        max_length=200, blank=True, help_text="e.g. 'Director of Legal and Governance'."
    )

    class Meta:
        ordering = ["-date", "-start_time"]
        indexes = [models.Index(fields=["body", "date"], name="meeting_body_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_title}, {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return reverse("portal:meeting", args=[self.slug])

    @property
    def display_title(self) -> str:
        return self.title or self.body.name

    @property
    def starts_at(self) -> dt.datetime | None:
        if self.start_time is None:
            return None
        return dt.datetime.combine(self.date, self.start_time, tzinfo=LONDON)

    @property
    def municipal_year(self) -> str:
        return self.body.municipal_year_of(self.date)


class AgendaItem(models.Model):
    """One item on a meeting's agenda, in order."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField()
    number = models.CharField(
        max_length=30, help_text="As printed: '4', '17', 'II', 'GBP/2122/255'."
    )
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    lead_person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="items_led"
    )
    lead_text = models.CharField(
        max_length=200, blank=True, help_text="Lead as printed when not a person, e.g. 'Chair'."
    )
    for_discussion = models.BooleanField(default=False)
    for_decision = models.BooleanField(default=False)
    for_information = models.BooleanField(default=False)
    attachment = models.CharField(
        max_length=20, choices=Attachment.choices, default=Attachment.NONE
    )
    page_start = models.PositiveIntegerField(null=True, blank=True)
    page_end = models.PositiveIntegerField(null=True, blank=True)
    exempt_paragraph = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        choices=EXEMPT_PARAGRAPH_CHOICES,
        help_text="Schedule 12A paragraph (1-7) if the papers are exempt (Part 2).",
    )
    is_urgent = models.BooleanField(default=False)
    urgency_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="agenda_item_order_unique"),
            models.UniqueConstraint(fields=["meeting", "number"], name="agenda_item_number_unique"),
            models.CheckConstraint(
                condition=Q(exempt_paragraph__isnull=True)
                | Q(exempt_paragraph__gte=1, exempt_paragraph__lte=7),
                name="agenda_item_exempt_paragraph_1_to_7",
            ),
            models.CheckConstraint(
                condition=Q(page_start__isnull=True, page_end__isnull=True)
                | Q(
                    page_start__isnull=False,
                    page_end__isnull=False,
                    page_end__gte=models.F("page_start"),
                ),
                name="agenda_item_page_range_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def clean(self) -> None:
        if self.is_urgent and not self.urgency_reason.strip():
            raise ValidationError(
                {"urgency_reason": "An urgent item needs the reason for urgency."}
            )

    @property
    def is_exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def purposes(self) -> list[str]:
        flags = [
            (self.for_discussion, Purpose.DISCUSSION),
            (self.for_decision, Purpose.DECISION),
            (self.for_information, Purpose.INFORMATION),
        ]
        return [str(p.label) for on, p in flags if on]

    @property
    def lead_label(self) -> str:
        return self.lead_person.name if self.lead_person else self.lead_text

    @property
    def pages_label(self) -> str:
        if self.attachment == Attachment.TO_FOLLOW:
            return "To Follow"
        if self.page_start is None:
            return ""
        return f"Pages {self.page_start} - {self.page_end}"
