from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certificación")

    def ready(self):
        from certification.health import health_checks_register
        from certification.issuance.service import on_program_eligible
        from certification.notifications import renderers_register
        from certification.signals import program_eligible

        program_eligible.connect(on_program_eligible, dispatch_uid="credential_auto")
        renderers_register()
        health_checks_register()
        import certification.issuance.wagtail_hooks  # noqa: F401  (admin screens)
