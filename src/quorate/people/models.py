"""Partner organisations, people and their register of interests."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from quorate.people.enums import InterestCategory, OrganisationKind


class Organisation(models.Model):
    """A partner organisation, named as the papers name it (SCC, ICB, SCCCG, UHS...)."""

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=40, blank=True, help_text="The abbreviation the papers use, e.g. SCC, ICB, UHS."
    )
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other names and abbreviations seen in papers, e.g. 'City Council'.",
    )
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    slug = models.SlugField(max_length=120, unique=True)
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Person(models.Model):
    """Someone named in the papers: a member, an officer, an author, a lead."""

    honorific = models.CharField(max_length=40, blank=True, help_text="Councillor, Dr, Ms...")
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100)
    initials = models.CharField(
        max_length=30,
        blank=True,
        help_text="How the minutes refer to them, e.g. 'DChas' or 'Cllr Fielker'.",
    )
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("portal:person", args=[self.slug])

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p)

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.honorific, self.given_name, self.family_name) if p)


class Interest(models.Model):
    """An entry in a member's register of interests, kept over time (from/until)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interests")
    category = models.CharField(max_length=30, choices=InterestCategory.choices)
    description = models.TextField()
    organisation_name = models.CharField(max_length=200, blank=True)
    registered_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    value_gbp = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For gifts and hospitality: the estimated value.",
    )

    class Meta:
        ordering = ["person", "-registered_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("registered_on")),
                name="interest_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_category_display()}"

    @property
    def is_pecuniary(self) -> bool:
        return self.category in InterestCategory.pecuniary()
