from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "quorate.audit"
    verbose_name = "Audit trail"
