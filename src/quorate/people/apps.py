from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "quorate.people"
    verbose_name = "Organisations and people"
