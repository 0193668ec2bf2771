from django.contrib import admin

from quorate.proceedings.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    Attendance,
    Decision,
    Declaration,
    Minute,
    MinuteRevision,
    MinutesApproval,
    Resolution,
)


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "person", "status", "mode", "substitute_for", "items_note"]
    list_filter = ["status", "meeting__body"]
    raw_id_fields = ["meeting", "person", "substitute_for", "arrived_at_item", "left_after_item"]


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "agenda_item", "person", "kind", "action_taken"]
    raw_id_fields = ["meeting", "agenda_item", "person", "interest"]


class RevisionInline(admin.TabularInline):
    model = MinuteRevision
    extra = 0
    readonly_fields = ["number", "text", "presented_by", "created_at", "author", "reason"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # revisions are added through the services, never edited


class ResolutionInline(admin.TabularInline):
    model = Resolution
    extra = 0


@admin.register(Minute)
class MinuteAdmin(admin.ModelAdmin):
    list_display = ["meeting", "number", "title"]
    list_filter = ["meeting__body"]
    raw_id_fields = ["meeting", "agenda_item"]
    inlines = [RevisionInline, ResolutionInline]


@admin.register(MinutesApproval)
class MinutesApprovalAdmin(admin.ModelAdmin):
    list_display = ["meeting", "state", "approved_at_meeting", "approved_on"]
    readonly_fields = ["state", "approved_at_meeting", "approved_on", "approval_text"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["decided_on", "body", "title", "is_key_decision", "call_in_status"]
    list_filter = ["body", "is_key_decision", "call_in_status"]
    raw_id_fields = ["meeting", "agenda_item", "resolution", "report"]


@admin.register(ActionStatus)
class ActionStatusAdmin(admin.ModelAdmin):
    list_display = ["name", "is_closed", "order"]


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["meeting", "agenda_number", "subject", "lead_text", "deadline_text", "status"]
    list_filter = ["body", "status"]
    raw_id_fields = ["meeting", "minute"]
    filter_horizontal = ["leads"]
    inlines = [ActionUpdateInline]
