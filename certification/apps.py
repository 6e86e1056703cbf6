from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certificación")

    def ready(self):
        from certification.issuance.service import on_program_eligible
        from certification.signals import credential_issued, program_eligible

        program_eligible.connect(on_program_eligible, dispatch_uid="credential_auto")
        credential_issued.connect(
            _application_certified, dispatch_uid="application_certified"
        )
        import certification.issuance.wagtail_hooks  # noqa: F401  (admin screens)


def _application_certified(sender, *, credential, **kwargs) -> None:
    """``credential_issued`` receiver: the holder's application says certified."""
    from certification.services import application_certify

    application_certify(learner=credential.holder, program=credential.program)
