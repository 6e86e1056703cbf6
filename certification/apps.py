from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    verbose_name = _("Certificación")

    def ready(self):
        from certification.health import health_checks_register
        from certification.issuance.service import on_program_eligible
        from certification.notifications import renderers_register
        from certification.signals import credential_issued, program_eligible

        program_eligible.connect(on_program_eligible, dispatch_uid="credential_auto")
        credential_issued.connect(
            _application_certified, dispatch_uid="application_certified"
        )
        renderers_register()
        health_checks_register()
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


def _application_certified(sender, *, credential, **kwargs) -> None:
    """``credential_issued`` receiver: the holder's application says certified."""
    from certification.services import application_certify

    application_certify(learner=credential.holder, program=credential.program)
