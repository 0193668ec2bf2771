from django.apps import AppConfig


class PacksConfig(AppConfig):
    name = "quorate.packs"
    verbose_name = "Public Document Packs"
