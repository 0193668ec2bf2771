"""Indicators, the bodies they report to, their targets and their planned values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final, TypedDict

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from quorate.governance.models import Body
from quorate.people.models import Person
from quorate.performance import periods
from quorate.performance.enums import Frequency, Polarity, RagRule, Unit


class DecimalSpec(TypedDict):
    """The precision of a DecimalField, spread into it as keyword arguments."""

    max_digits: int
    decimal_places: int


VALUE: Final[DecimalSpec] = {"max_digits": 20, "decimal_places": 6}
PERCENT: Final[DecimalSpec] = {"max_digits": 9, "decimal_places": 3}


class Indicator(models.Model):
    """A measure a board watches: what it is, where it comes from, which way is better."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    definition = models.TextField(blank=True, help_text="What is counted, as the paper defines it.")
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the figures come from, e.g. 'SUS', 'ASCOF'."
    )
    category = models.CharField(
        max_length=120, blank=True, help_text="A heading to group by, e.g. 'BCF national metrics'."
    )
    unit = models.CharField(max_length=20, choices=Unit.choices)
    polarity = models.CharField(max_length=10, choices=Polarity.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    decimal_places = models.PositiveSmallIntegerField(
        default=2, help_text="Decimal places to show, as the papers print the figures."
    )
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators_owned"
    )
    owner_label = models.CharField(
        max_length=200, blank=True, help_text="The owner as printed, when not a known person."
    )
    bodies: models.ManyToManyField[Body, IndicatorReporting] = models.ManyToManyField(
        Body, through="IndicatorReporting", related_name="indicators", blank=True
    )
    rag_rule = models.CharField(
        max_length=30, choices=RagRule.choices, default=RagRule.PERCENT_OFF_TARGET
    )
    rag_amber_above = models.DecimalField(
        **PERCENT,
        default=Decimal(0),
        help_text="Amber when worse than the target by more than this percentage.",
    )
    rag_red_from = models.DecimalField(
        **PERCENT,
        default=Decimal(10),
        help_text="Red when worse than the target by this percentage or more.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rag_red_from__gte=models.F("rag_amber_above")),
                name="indicator_rag_red_not_below_amber",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:indicator", args=[self.slug])

    def period_label(self, start: dt.date) -> str:
        return periods.period_label(self.frequency, start)


class IndicatorReporting(models.Model):
    """An indicator reports to a body; the body's report may rate it by its own RAG rule."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="reporting")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="indicator_reporting")
    order = models.PositiveIntegerField(default=0)
    rag_rule = models.CharField(
        max_length=30,
        choices=RagRule.choices,
        blank=True,
        help_text="Leave blank to use the indicator's rule.",
    )
    rag_amber_above = models.DecimalField(**PERCENT, null=True, blank=True)
    rag_red_from = models.DecimalField(**PERCENT, null=True, blank=True)

    class Meta:
        ordering = ["body", "order", "indicator__name"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "body"], name="indicator_reports_once"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} reports to {self.body}"

    def clean(self) -> None:
        """The override and the indicator's rule combined must still be a rule: red may not
        start below amber (an amber threshold alone above the indicator's red would turn a
        three-colour rule into a two-colour one without anyone choosing that)."""
        super().clean()
        if self.indicator_id is None:
            return
        ind = self.indicator
        amber = ind.rag_amber_above if self.rag_amber_above is None else self.rag_amber_above
        red = ind.rag_red_from if self.rag_red_from is None else self.rag_red_from
        if red < amber:
            field = "rag_amber_above" if self.rag_red_from is None else "rag_red_from"
            raise ValidationError(
                {
                    field: f"Red would start at {red}% but amber above {amber}%: red must start "
                    f"at or above amber (the indicator's own rule gives amber above "
                    f"{ind.rag_amber_above}% and red from {ind.rag_red_from}%)."
                }
            )


class Target(models.Model):
    """A target in force from ``effective_from`` until the next target of the indicator.

    A target with no value ends the previous one without setting a new one.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    effective_from = models.DateField()
    value = models.DecimalField(**VALUE, null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "effective_from"], name="target_one_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} target {self.value} from {self.effective_from}"


class PlannedValue(models.Model):
    """The planned value (trajectory) for one period, as in the BCF 'Planned' columns."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="planned")
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(**VALUE)
    footnote_marker = models.CharField(max_length=10, blank=True)
    footnote = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start"], name="planned_one_per_period"
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="planned_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} planned {self.value} for {self.period_start}"
