from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certificación")

    def ready(self):
        from certification.health import health_checks_register
        from certification.metrics import metrics_register
        from certification.notifications import renderers_register

        renderers_register()
        health_checks_register()
        metrics_register()
        self._audit_connect()

    def _audit_connect(self):
        from django.db.models.signals import post_delete, post_save

        from certification.integrity import assessor_role_audit
        from certification.models import AssessorRole

        post_save.connect(
            assessor_role_audit, sender=AssessorRole, dispatch_uid="audit_role_on"
        )
        post_delete.connect(
            assessor_role_audit, sender=AssessorRole, dispatch_uid="audit_role_off"
        )
