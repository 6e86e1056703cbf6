"""Demo credentials: issuer keys, one valid certificate and one revoked one, so
that an employer trying the demo has something to verify."""

from django.contrib.auth import get_user_model

from certification.credentials.keys import issuer_keys_generate
from certification.issuance.artefacts import credential_activate
from certification.issuance.lifecycle import credential_revoke
from certification.issuance.service import credential_issue
from certification.models import (
    AssessorRole,
    CertificationProgram,
    Credential,
    CredentialStatus,
    EvidenceSource,
    Issuer,
)
from certification.services import evidence_confirm, evidence_record
from lms.reference.models import Country, Sector

DEMO_HOLDERS = [
    # (username, program code, revoked with this reason or None)
    ("aprendiz", "cl-produccion-editorial-demo", None),
    (
        "artesano",
        "pe-lutheria-andina-demo",
        "Emitido por error durante la demostración (documento no verificado).",
    ),
]
ARTESANO = {
    "email": "artesano@cultura-ap.example",
    "legal_name": "Teodoro Mamani Quispe",
    "country": "PE",
    "national_id": "41234567",
}


def seed_credentials_demo(context=None) -> None:
    """Keys for the four issuers and the demo credentials (idempotent)."""
    for issuer in Issuer.objects.select_related("country"):
        issuer_keys_generate(issuer_code=issuer.country_id, organisation=issuer.name)
    users = get_user_model().objects
    admin = users.filter(is_superuser=True).order_by("pk").first()
    assessor = users.filter(username="evaluador").first()
    _assessor_roles_ensure(assessor)
    _artesano_ensure()
    for username, code, revoked_reason in DEMO_HOLDERS:
        holder = users.get(username=username)
        program = CertificationProgram.objects.get(code=code)
        if Credential.objects.filter(holder=holder, program=program).exists():
            continue
        for unit in program.required_units.all():
            evidence = evidence_record(
                learner=holder,
                unit=unit,
                source_kind=EvidenceSource.MANUAL,
                source_id=f"demo-{unit.pk}",
                assessor=assessor,
                notes="Evidencia de demostración.",
            )
            if assessor is not None and evidence.confirmed_at is None:
                evidence_confirm(evidence=evidence, confirmed_by=assessor)
        credential = credential_issue(user=holder, program=program, issued_by=admin)
        credential_activate(credential.pk)
        if revoked_reason:
            credential.refresh_from_db()
            credential_revoke(credential=credential, actor=admin, reason=revoked_reason)
        if context is not None:
            context.record("demo credentials", "issued")
    if context is not None:
        context.demo_credentials = list(
            Credential.objects.filter(holder__username__in=[h[0] for h in DEMO_HOLDERS])
            .exclude(status=CredentialStatus.PENDING)
            .values_list("holder__username", "public_id", "status")
        )


def _assessor_roles_ensure(assessor) -> None:
    """The demo assessor is accredited in every country and sector, so one
    login shows the whole grading queue."""
    if assessor is None:
        return
    for country in Country.objects.all():
        for sector in Sector.objects.all():
            AssessorRole.objects.get_or_create(
                user=assessor, country=country, sector=sector
            )


def _artesano_ensure() -> None:
    from allauth.account.models import EmailAddress

    user, created = get_user_model().objects.get_or_create(
        username="artesano", defaults=ARTESANO
    )
    if created:
        user.set_password("demo-cultura-2026")
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
