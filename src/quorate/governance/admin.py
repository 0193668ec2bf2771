from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from quorate.audit.admin import ReadOnlyModelAdmin
from quorate.governance.models import (
    AgendaItem,
    BackgroundPaper,
    Body,
    Document,
    DocumentVersion,
    Meeting,
    Membership,
    Report,
    ReportRevision,
    TermsOfReference,
)
from quorate.governance.services import minutes_approved


class TermsInline(admin.StackedInline):
    model = TermsOfReference
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "body"
    extra = 0
    autocomplete_fields = ["person", "organisation"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TermsInline, MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "body", "role", "voting", "organisation", "start_date", "end_date"]
    list_filter = ["body", "role", "voting"]
    autocomplete_fields = ["person", "organisation", "deputy_for"]
    search_fields = ["person__family_name", "person__given_name", "position"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = [
        "order",
        "number",
        "title",
        "lead_person",
        "lead_text",
        "for_discussion",
        "for_decision",
        "for_information",
        "attachment",
        "page_start",
        "page_end",
        "exempt_paragraph",
    ]
    autocomplete_fields = ["lead_person"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["date", "body", "status", "is_public", "venue"]
    list_filter = ["body", "status", "is_public"]
    date_hierarchy = "date"
    search_fields = ["body__name", "venue", "title"]
    inlines = [AgendaItemInline]
    autocomplete_fields = ["apologies_to"]

    # A meeting whose minutes are approved is a record: deleting it would take its frozen
    # minutes with it, and its date and agenda are what the minutes record.
    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and minutes_approved(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and minutes_approved(obj):
            return False
        return super().has_delete_permission(request, obj)


class BackgroundPaperInline(admin.TabularInline):
    model = BackgroundPaper
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["subject", "agenda_item", "decision_maker", "key_decision"]
    search_fields = ["subject", "brief_summary"]
    inlines = [BackgroundPaperInline]
    raw_id_fields = ["agenda_item"]


@admin.register(ReportRevision)
class ReportRevisionAdmin(ReadOnlyModelAdmin):
    """Revisions are a record: written only by ``save_report``, never edited or deleted."""

    list_display = ["report", "number", "recorded_at", "recorded_by", "actor_label", "reason"]
    search_fields = ["report__subject", "reason"]
    readonly_fields = [
        "report",
        "number",
        "snapshot",
        "changed_fields",
        "recorded_at",
        "recorded_by",
        "actor_label",
        "reason",
    ]


class DocumentVersionInline(admin.TabularInline):
    model = DocumentVersion
    extra = 0
    readonly_fields = ("number", "filename", "content_type", "size", "sha256", "uploaded_at")
    fields = readonly_fields


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "role", "meeting", "agenda_item", "exempt_paragraph"]
    list_filter = ["role"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "agenda_item"]
    inlines = [DocumentVersionInline]
