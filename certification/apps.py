from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certificación")

    def ready(self):
        from certification.issuance.service import on_program_eligible
        from certification.signals import program_eligible

        program_eligible.connect(on_program_eligible, dispatch_uid="credential_auto")
        import certification.issuance.wagtail_hooks  # noqa: F401  (admin screens)
