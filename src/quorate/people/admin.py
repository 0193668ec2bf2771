from django.contrib import admin
from django.db import models

from quorate.people.models import Interest, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    # A web address typed without a scheme is read as https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["display_name", "initials", "job_title", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["given_name", "family_name", "initials", "job_title"]
    inlines = [InterestInline]
