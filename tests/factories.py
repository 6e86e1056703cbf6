"""factory_boy factories shared by the whole suite."""

import factory
from django.contrib.auth import get_user_model

from lms.accounts.identity import rut_check_digit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    legal_name = factory.Faker("name", locale="es_ES")
    country = "CL"
    national_id = factory.Sequence(
        lambda n: f"{10_000_000 + n}-{rut_check_digit(str(10_000_000 + n))}"
    )
    preferred_language = "es"
    password = factory.PostGenerationMethodCall("set_password", "clave-segura-123")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):  # noqa: N805
        """Mark the e-mail as verified so the user can log in straight away."""
        if create and extracted is not False:
            from allauth.account.models import EmailAddress

            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


def assessor_roles_grant(user, *, countries=("CL",), sectors=None):
    """Accredit ``user`` as assessor for ``countries`` × ``sectors`` (codes;
    every sector when None)."""
    from certification.models import AssessorRole
    from lms.reference.models import Sector

    chosen = Sector.objects.all()
    if sectors is not None:
        chosen = chosen.filter(code__in=sectors)
    for country in countries:
        for sector in chosen:
            AssessorRole.objects.get_or_create(
                user=user, country_id=country, sector=sector
            )
    return user


def evidence_attested(*, learner, unit, assessor, source_id, assessed_at=None):
    """Manual evidence of ``unit`` named to ``assessor`` (accredited for the
    unit's country and sector here) and confirmed by them, so it counts."""
    from certification.services import evidence_confirm, evidence_record

    standard = unit.standard
    assessor_roles_grant(
        assessor, countries=(standard.country_id,), sectors=(standard.sector.code,)
    )
    evidence = evidence_record(
        learner=learner,
        unit=unit,
        source_kind="manual",
        source_id=source_id,
        assessor=assessor,
        assessed_at=assessed_at,
    )
    if evidence.confirmed_at is None:
        evidence = evidence_confirm(evidence=evidence, confirmed_by=assessor)
    return evidence
