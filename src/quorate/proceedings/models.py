"""What happened at a meeting: attendance, declarations, minutes, resolutions, decisions,
actions."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from quorate.core.urgency import REQUIREMENTS, UrgencyRoute
from quorate.governance.models import AgendaItem, Body, Meeting, Report
from quorate.people.models import Interest, Organisation, Person
from quorate.proceedings.enums import (
    AttendanceMode,
    AttendanceStatus,
    CallInStatus,
    DeclarationAction,
    DeclarationKind,
    MinutesState,
)


class Attendance(models.Model):
    """One person's attendance at a meeting, as the minutes record it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    mode = models.CharField(
        max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    substitute_for = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituted_by",
        help_text="The member this person stood in for.",
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title_as_recorded = models.CharField(max_length=300, blank=True)
    initials_as_recorded = models.CharField(max_length=40, blank=True)
    organisation_as_recorded = models.CharField(max_length=200, blank=True)
    arrived_at_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="First item they were present for (blank: from the start).",
    )
    left_after_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Last item they were present for (blank: to the end).",
    )
    items_note = models.CharField(
        max_length=200, blank=True, help_text="As written: 'Items 7 and 8'."
    )

    class Meta:
        ordering = ["meeting", "status", "person__family_name"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="attendance_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=~Q(substitute_for=models.F("person")),
                name="attendance_not_own_substitute",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"


class Declaration(models.Model):
    """An interest declared at a meeting, optionally on one item, linked to the register."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="declarations")
    kind = models.CharField(max_length=20, choices=DeclarationKind.choices)
    interest = models.ForeignKey(
        Interest, null=True, blank=True, on_delete=models.SET_NULL, related_name="declarations"
    )
    nature = models.TextField()
    action_taken = models.CharField(
        max_length=20, choices=DeclarationAction.choices, default=DeclarationAction.REMAINED
    )

    class Meta:
        ordering = ["meeting", "agenda_item__order", "person__family_name"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"


class Minute(models.Model):
    """The minute of one agenda item (or of a matter minuted without an item)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    agenda_item = models.OneToOneField(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minute"
    )
    order = models.PositiveIntegerField()
    number = models.CharField(max_length=30, help_text="As printed: '17', '3'.")
    title = models.CharField(max_length=500)

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="minute_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def current(self) -> MinuteRevision | None:
        cached = getattr(self, "_prefetched_objects_cache", {}).get("revisions")
        if cached is not None:
            return max(cached, key=lambda r: r.number, default=None)
        return self.revisions.order_by("-number").first()


class MinuteRevision(models.Model):
    """One version of a minute's text. Never changed; a correction is a new revision."""

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    presented_by = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_label = models.CharField(max_length=200, blank=True)
    reason = models.TextField(
        blank=True, help_text="Why this revision was made (required after approval)."
    )

    class Meta:
        ordering = ["minute", "number"]
        constraints = [
            models.UniqueConstraint(fields=["minute", "number"], name="minute_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.minute} r{self.number}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Minute revisions are never changed; add a new revision.")
        super().save(*args, **kwargs)


class MinutesApproval(models.Model):
    """The state of a meeting's minutes: draft, or approved by a later meeting (then frozen)."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="minutes_approval"
    )
    state = models.CharField(
        max_length=20, choices=MinutesState.choices, default=MinutesState.DRAFT
    )
    approved_at_meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="minutes_approved_here",
    )
    approved_on = models.DateField(null=True, blank=True)
    approval_text = models.TextField(
        blank=True, help_text="e.g. 'agreed as an accurate reflection'."
    )
    draft_published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the draft minutes were published to the public (before approval).",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(state=MinutesState.DRAFT) | Q(approved_on__isnull=False),
                name="approved_minutes_have_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Minutes of {self.meeting}: {self.get_state_display()}"

    @property
    def is_frozen(self) -> bool:
        return self.state == MinutesState.APPROVED


class Resolution(models.Model):
    """A resolution under a minute, numbered (i), (ii)..."""

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveIntegerField()
    label = models.CharField(max_length=10, help_text="'i', 'ii'... as printed.")
    text = models.TextField()

    class Meta:
        ordering = ["minute", "order"]
        constraints = [
            models.UniqueConstraint(fields=["minute", "order"], name="resolution_order_unique"),
        ]

    def __str__(self) -> str:
        return f"({self.label}) {self.text[:60]}"


class Decision(models.Model):
    """An entry in the decisions register."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    title = models.CharField(max_length=500)
    text = models.TextField()
    decided_on = models.DateField()
    is_key_decision = models.BooleanField(default=False)
    call_in_deadline = models.DateField(null=True, blank=True)
    call_in_status = models.CharField(
        max_length=20, choices=CallInStatus.choices, default=CallInStatus.NOT_APPLICABLE
    )

    class Meta:
        ordering = ["-decided_on", "id"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.Model):
    """The configurable progress vocabulary of the action tracker."""

    name = models.CharField(max_length=100, unique=True)
    is_closed = models.BooleanField(default=False, help_text="An action in this status is done.")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "action statuses"

    def __str__(self) -> str:
        return self.name


class Action(models.Model):
    """An action raised in a meeting, tracked to done across meetings."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="actions_raised")
    minute = models.ForeignKey(
        Minute, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    agenda_number = models.CharField(
        max_length=30, blank=True, help_text="As written in the tracker."
    )
    subject = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    leads = models.ManyToManyField(Person, blank=True, related_name="actions")
    lead_text = models.CharField(max_length=200, blank=True, help_text="As written: 'SR/SS'.")
    deadline = models.DateField(null=True, blank=True)
    deadline_text = models.CharField(max_length=40, blank=True, help_text="As written: 'Apr-18'.")
    deadline_is_month = models.BooleanField(
        default=False, help_text="The deadline names a month; it falls due at the month's end."
    )
    status = models.ForeignKey(ActionStatus, on_delete=models.PROTECT, related_name="actions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting__date", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return not self.status.is_closed

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < today


class ActionUpdate(models.Model):
    """A dated entry in an action's progress log ('08/02/2018 - Ongoing')."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField()
    status = models.ForeignKey(ActionStatus, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    progress_as_written = models.CharField(max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "on", "id"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y} - {self.status}"


URGENCY_ROUTE_CHOICES = [(route.value, REQUIREMENTS[route].title) for route in UrgencyRoute]


class UrgencyUse(models.Model):
    """One use of an urgency route: an urgent item, a general exception, special urgency or
    an urgent private meeting, with its reason and who agreed (see ``quorate.core.urgency``)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="urgency_uses")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="urgency_uses"
    )
    route = models.CharField(max_length=30, choices=URGENCY_ROUTE_CHOICES)
    reason = models.TextField()
    agreed_by = models.CharField(
        max_length=300, blank=True, help_text="Who gave the agreement or opinion the route needs."
    )
    agreed_on = models.DateField(null=True, blank=True)
    notice_published_on = models.DateField(null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="urgency_use_has_a_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_route_display()}: {self.reason[:60]}"


class NoticeKind(models.TextChoices):
    KEY_DECISION = "key_decision", "Notice of a key decision"
    PRIVATE_MEETING = "private_meeting", "Notice of intention to meet in private"
    PRIVATE_MEETING_FINAL = "private_meeting_final", "Further notice of a private meeting"
    GENERAL_EXCEPTION = "general_exception", "General exception notice"


class StatutoryNotice(models.Model):
    """A notice the regulations require before a meeting, and when it was published."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=30, choices=NoticeKind.choices)
    published_on = models.DateField()
    reference = models.CharField(
        max_length=100, blank=True, help_text="e.g. the forward plan reference."
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "kind", "published_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.published_on:%d/%m/%Y}"
