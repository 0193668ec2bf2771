"""The audit trail in Django admin (read-only), and the read-only admin used for records that
change only through services (which write audit rows): audit events, minutes, observations..."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from quorate.audit.models import AuditEvent


class ReadOnlyAdminMixin:
    """View only: no add, change or delete in the admin (the back office and the services are
    the way to change these records, with an audit row for each change)."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyModelAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    actions = None


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyModelAdmin):
    list_display = ["at", "actor", "actor_label", "verb", "object_type", "object_label"]
    list_filter = ["verb", "object_type"]
    search_fields = ["object_label", "reason"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]
