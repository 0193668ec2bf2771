from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "quorate.governance"
    verbose_name = "Boards, meetings and papers"
