from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "quorate.performance"
    verbose_name = "Performance indicators and observations"
