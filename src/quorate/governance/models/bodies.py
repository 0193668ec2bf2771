"""Boards and sub-groups, their terms of reference and their members."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.urls import reverse

from quorate.governance.enums import BodyKind, MembershipRole
from quorate.people.models import Organisation, Person


class Body(models.Model):
    """A board, committee or sub-group (HWB, joint commissioning board, partnership board)."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=BodyKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The body this one reports to or holds delegated authority from.",
    )
    delegated_functions = models.TextField(
        blank=True,
        help_text="What the parent delegates to this body, e.g. oversight of the Better Care Fund.",
    )
    purpose = models.TextField(blank=True)
    responsibilities = models.JSONField(default=list, blank=True, help_text="A list of strings.")
    contact_officer = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="bodies_supported"
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    municipal_year_start_month = models.PositiveSmallIntegerField(
        default=5, help_text="Month the municipal year starts (5 = May, the usual council cycle)."
    )
    publish_clear_working_days = models.PositiveSmallIntegerField(
        default=5, help_text="Clear working days between publishing the agenda and the meeting."
    )
    key_decision_notice_days = models.PositiveSmallIntegerField(default=28)
    private_meeting_notice_days = models.PositiveSmallIntegerField(default=28)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(
                condition=Q(municipal_year_start_month__gte=1, municipal_year_start_month__lte=12),
                name="body_municipal_year_month_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:body", args=[self.slug])

    def municipal_year_of(self, day: dt.date) -> str:
        """'2023/24' for a date in the municipal year starting in May 2023."""
        start = day.year if day.month >= self.municipal_year_start_month else day.year - 1
        if self.municipal_year_start_month == 1:
            return str(start)
        return f"{start}/{(start + 1) % 100:02d}"

    def current_terms(self, on: dt.date | None = None) -> TermsOfReference | None:
        qs = self.terms_of_reference.all()
        if on is not None:
            qs = qs.filter(Q(effective_from__isnull=True) | Q(effective_from__lte=on))
        return qs.order_by("-version").first()


class TermsOfReference(models.Model):
    """One version of a body's terms of reference, with its quorum rule as data."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="terms_of_reference")
    version = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    document = models.ForeignKey(
        "governance.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.CharField(
        max_length=300,
        blank=True,
        help_text="Who approved it, e.g. 'Full Council and CCG Governing Body'.",
    )
    approved_at_meeting = models.ForeignKey(
        "governance.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    quorum_text = models.TextField(blank=True, help_text="The quorum clause as written.")
    quorum_rule = models.JSONField(
        null=True,
        blank=True,
        help_text="The quorum clause as structured data (see docs/timing-and-quorum.md).",
    )

    class Meta:
        ordering = ["body", "-version"]
        verbose_name_plural = "terms of reference"
        constraints = [
            models.UniqueConstraint(fields=["body", "version"], name="tor_version_unique_per_body"),
        ]

    def __str__(self) -> str:
        return f"{self.body} terms of reference v{self.version}"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def on(self, day: dt.date) -> MembershipQuerySet:
        """Memberships in force on ``day`` (start and end dates inclusive)."""
        return self.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=day),
            Q(end_date__isnull=True) | Q(end_date__gte=day),
        )


class Membership(models.Model):
    """A person's seat on a body, for a period, in a role, representing an organisation."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(
        max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    voting = models.BooleanField(default=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
        help_text="The organisation this seat represents.",
    )
    position = models.CharField(
        max_length=200,
        blank=True,
        help_text="The seat as the papers name it, e.g. 'Director of Public Health'.",
    )
    deputy_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deputies",
        help_text="For a deputy or substitute: the membership they stand in for.",
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["body", "role", "person__family_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["body", "person", "role", "start_date"],
                name="membership_unique_seat_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}, {self.body}"
