from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "lms.audit"
    label = "audit"
    verbose_name = _("Registro de auditoría")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.audit import receivers

        receivers.connect()
