"""Choices of the performance app (one leaf module)."""

from django.db import models


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    RATE_PER_100K = "rate_per_100k", "Rate per 100,000"
    PERCENTAGE = "percentage", "Percentage"
    GBP = "gbp", "Pounds (GBP)"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher", "Higher is better"
    LOWER_IS_BETTER = "lower", "Lower is better"
    NEUTRAL = "neutral", "Neutral"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"


class ObservationStatus(models.TextChoices):
    ACTUAL = "actual", "Actual"
    ESTIMATE = "estimate", "Estimate"
    PROVISIONAL = "provisional", "Provisional"


class RagRule(models.TextChoices):
    """How a value is rated against its plan or target.

    ``percent_off_target``: seed 001's rule with its thresholds as parameters (Green: on or
    better than target; Amber: worse by more than ``amber_above`` % and less than ``red_from`` %;
    Red: worse by ``red_from`` % or more). ``none``: no RAG rating.
    """

    PERCENT_OFF_TARGET = "percent_off_target", "Percentage off target (seed 001 rule)"
    NONE = "none", "No RAG rating"


class Rag(models.TextChoices):
    GREEN = "green", "Green"
    AMBER = "amber", "Amber"
    RED = "red", "Red"
