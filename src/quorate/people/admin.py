from django.contrib import admin

from quorate.people.models import Interest, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["display_name", "initials", "job_title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["given_name", "family_name", "initials", "job_title"]
    inlines = [InterestInline]
