"""Django admin for the proceedings.

What a meeting recorded (attendance, declarations, minutes and their revisions,
resolutions, the approval of the minutes, decisions) and the action tracker (actions and
their progress updates) are read-only here, for everyone, superusers included: those records
change only through the back office (/office/), whose services refuse changes to frozen
minutes and write an audit row for each change. Deleting an approval here would unfreeze
approved minutes without a trace; editing an action here would change what the tracker
shows with no history.
"""

from django.contrib import admin

from quorate.audit.admin import ReadOnlyAdminMixin, ReadOnlyModelAdmin
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
class AttendanceAdmin(ReadOnlyModelAdmin):
    list_display = ["meeting", "person", "status", "mode", "substitute_for", "items_note"]
    list_filter = ["status", "meeting__body"]
    raw_id_fields = ["meeting", "person", "substitute_for", "arrived_at_item", "left_after_item"]


@admin.register(Declaration)
class DeclarationAdmin(ReadOnlyModelAdmin):
    list_display = ["meeting", "agenda_item", "person", "kind", "action_taken"]
    raw_id_fields = ["meeting", "agenda_item", "person", "interest"]


class RevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = MinuteRevision
    extra = 0
    fields = ("number", "text", "presented_by", "created_at", "author", "reason")
    readonly_fields = fields


class ResolutionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Resolution
    extra = 0


@admin.register(Minute)
class MinuteAdmin(ReadOnlyModelAdmin):
    list_display = ["meeting", "number", "title"]
    list_filter = ["meeting__body"]
    raw_id_fields = ["meeting", "agenda_item"]
    inlines = [RevisionInline, ResolutionInline]


@admin.register(MinuteRevision)
class MinuteRevisionAdmin(ReadOnlyModelAdmin):
    list_display = ["minute", "number", "created_at", "author", "author_label"]
    list_filter = ["minute__meeting__body"]


@admin.register(Resolution)
class ResolutionAdmin(ReadOnlyModelAdmin):
    list_display = ["minute", "label", "text"]
    list_filter = ["minute__meeting__body"]


@admin.register(MinutesApproval)
class MinutesApprovalAdmin(ReadOnlyModelAdmin):
    list_display = ["meeting", "state", "approved_at_meeting", "approved_on"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyModelAdmin):
    list_display = ["decided_on", "body", "title", "is_key_decision", "call_in_status"]
    list_filter = ["body", "is_key_decision", "call_in_status"]
    raw_id_fields = ["meeting", "agenda_item", "resolution", "report"]


@admin.register(ActionStatus)
class ActionStatusAdmin(admin.ModelAdmin):
    list_display = ["name", "is_closed", "order"]


class ActionUpdateInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ActionUpdate
    extra = 0


@admin.register(Action)
class ActionAdmin(ReadOnlyModelAdmin):
    list_display = ["meeting", "agenda_number", "subject", "lead_text", "deadline_text", "status"]
    list_filter = ["body", "status"]
    raw_id_fields = ["meeting", "minute"]
    filter_horizontal = ["leads"]
    inlines = [ActionUpdateInline]
