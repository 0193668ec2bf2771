from django.contrib import admin

from quorate.packs.models import Pack


@admin.register(Pack)
class PackAdmin(admin.ModelAdmin):
    list_display = [
        "meeting",
        "variant",
        "supplement",
        "version",
        "status",
        "page_count",
        "published_at",
    ]
    list_filter = ["variant", "status"]
    readonly_fields = [f.name for f in Pack._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
