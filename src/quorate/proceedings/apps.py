from django.apps import AppConfig


class ProceedingsConfig(AppConfig):
    name = "quorate.proceedings"
    verbose_name = "Attendance, minutes, decisions and actions"
