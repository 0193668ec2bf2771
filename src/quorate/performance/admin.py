from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from quorate.audit.admin import ReadOnlyModelAdmin
from quorate.performance.models import (
    Indicator,
    IndicatorReporting,
    Observation,
    PlannedValue,
    Target,
)


class ReportingInline(admin.TabularInline):
    model = IndicatorReporting
    extra = 0
    autocomplete_fields = ["body"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class PlannedInline(admin.TabularInline):
    model = PlannedValue
    extra = 0


class ObservationInline(admin.TabularInline):
    """Revisions are shown, never edited: new figures go through the services (import)."""

    model = Observation
    extra = 0
    can_delete = False
    fields = (
        "period_start",
        "revision",
        "value",
        "status",
        "not_available",
        "footnote_marker",
        "recorded_at",
        "reported_to",
        "reason",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "unit", "polarity", "frequency", "rag_rule", "is_active"]
    list_filter = ["category", "frequency", "polarity", "bodies"]
    search_fields = ["name", "definition", "category"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owner"]
    inlines = [ReportingInline, TargetInline, PlannedInline, ObservationInline]


@admin.register(Observation)
class ObservationAdmin(ReadOnlyModelAdmin):
    """Read-only: observations are append-only revisions written by the services."""

    list_display = ["indicator", "period_start", "revision", "value", "status", "recorded_at"]
    list_filter = ["indicator", "status", "not_available"]
    date_hierarchy = "recorded_at"
