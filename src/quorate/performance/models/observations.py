"""Observations: append-only revisions of an indicator's value for a period."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery

from quorate.governance.models import Meeting
from quorate.performance.enums import ObservationStatus
from quorate.performance.models.indicators import PERCENT, VALUE, Indicator

LONDON = ZoneInfo("Europe/London")


def cutoff(when: dt.date | dt.datetime) -> dt.datetime:
    """A date means the end of that day in Europe/London; a datetime is taken as it is."""
    if isinstance(when, dt.datetime):
        return when
    if when == dt.date.max:  # the day after does not exist
        return dt.datetime.combine(when, dt.time.max, tzinfo=LONDON)
    return dt.datetime.combine(when + dt.timedelta(days=1), dt.time(), tzinfo=LONDON) - (
        dt.timedelta(microseconds=1)
    )


class ObservationQuerySet(models.QuerySet["Observation"]):
    def _newest(self, known: Q) -> ObservationQuerySet:
        newest = (
            Observation.objects.filter(
                known,
                indicator=OuterRef("indicator"),
                period_start=OuterRef("period_start"),
            )
            .order_by("-revision")
            .values("revision")[:1]
        )
        return self.filter(known, revision=Subquery(newest))

    def current(self) -> ObservationQuerySet:
        """The newest revision of each period: what is true now."""
        return self._newest(Q())

    def as_at(self, when: dt.date | dt.datetime) -> ObservationQuerySet:
        """The newest revision of each period recorded by ``when``: what a board was told then."""
        return self._newest(Q(recorded_at__lte=cutoff(when)))


class Observation(models.Model):
    """One revision of the value of an indicator for one period.

    Rows are never changed or deleted: a corrected or updated figure is a new revision with
    a higher number, a ``recorded_at`` no earlier than the last, and usually a reason. So a
    board can see both what it was told at a meeting and what is true now.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="observations")
    period_start = models.DateField()
    period_end = models.DateField()
    revision = models.PositiveIntegerField()
    value = models.DecimalField(**VALUE, null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ObservationStatus.choices, default=ObservationStatus.ACTUAL
    )
    not_available = models.BooleanField(
        default=False, help_text="The paper says the data is not available."
    )
    not_available_text = models.CharField(
        max_length=300, blank=True, help_text="As printed, e.g. 'Data not available...'."
    )
    reported_variance_pct = models.DecimalField(
        **PERCENT,
        null=True,
        blank=True,
        help_text="When the paper gives only the variance to target: (value - target) / "
        "target as a signed percentage, as printed.",
    )
    footnote_marker = models.CharField(max_length=10, blank=True, help_text="e.g. '*', '**'.")
    footnote = models.TextField(blank=True)
    commentary = models.TextField(
        blank=True, help_text="What the paper says beside the figure, as printed."
    )
    recorded_at = models.DateTimeField(
        db_index=True,
        help_text="When this figure was reported: when it was entered, or the date of the "
        "paper it was taken from.",
    )
    reported_to = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="observations_reported",
        help_text="The meeting this figure was reported to.",
    )
    reason = models.CharField(max_length=300, blank=True, help_text="Why the figure changed.")
    source = models.CharField(
        max_length=300, blank=True, help_text="e.g. 'import-observations q3.xlsx row 4'."
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period_start", "revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "revision"],
                name="observation_revision_unique",
            ),
            models.CheckConstraint(condition=Q(revision__gte=1), name="observation_revision_ge_1"),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="observation_period_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(not_available=True, value__isnull=True)
                | Q(not_available=False, value__isnull=False)
                | Q(not_available=False, reported_variance_pct__isnull=False),
                name="observation_value_or_not_available",
            ),
        ]
        indexes = [
            models.Index(
                fields=["indicator", "period_start", "-revision"], name="observation_latest_idx"
            )
        ]

    def __str__(self) -> str:
        shown = "not available" if self.not_available else self.value
        return f"{self.indicator} {self.period_start} r{self.revision}: {shown}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Observations are append-only: record a new revision instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Observations are append-only and are never deleted.")

    @property
    def period_label(self) -> str:
        return self.indicator.period_label(self.period_start)
