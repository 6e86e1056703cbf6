"""factory_boy factories shared by the whole suite: people, standards (with
units and criteria), issuers, programs, evidence that counts, credentials.

The certification records are created through the platform's own services
where those keep invariants (evidence is recorded and confirmed, a credential
is issued), so a factory never builds a state the platform could not reach."""

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

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


# ---------------------------------------------------------------- certification

SYSTEMS = {
    "CL": "chilevalora",
    "CO": "sena-nscl",
    "MX": "conocer-ec",
    "PE": "peru-mtpe",
}


def _sector(code="publishing"):
    from lms.reference.models import Sector

    return Sector.objects.get(code=code)


def _ministry_name(country: str) -> str:
    from lms.reference.models import Country

    return Country.objects.get(code=country).ministry_name_es


class OccupationalStandardFactory(factory.django.DjangoModelFactory):
    """A standard; ``units`` (default 3) units of ``units__criteria`` (default
    2) criteria each, coded ``U1``, ``U1.C1``..."""

    class Meta:
        model = "certification.OccupationalStandard"
        skip_postgeneration_save = True

    country_id = "CL"
    system = factory.LazyAttribute(lambda o: SYSTEMS[o.country_id])
    code = factory.LazyAttribute(lambda o: f"{o.country_id}-STD-1")
    title = factory.LazyAttribute(lambda o: f"Estándar de prueba {o.country_id}")
    sector = factory.LazyFunction(_sector)

    @factory.post_generation
    def units(obj, create, extracted, criteria=2, **kwargs):  # noqa: N805
        count = 3 if extracted is None else extracted
        for number in range(1, count + 1):
            unit = CompetencyUnitFactory(
                standard=obj, code=f"U{number}", sort_order=number, criteria=0
            )
            for c in range(1, criteria + 1):
                PerformanceCriterionFactory(
                    unit=unit, code=f"U{number}.C{c}", sort_order=c
                )


class CompetencyUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "certification.CompetencyUnit"
        skip_postgeneration_save = True

    standard = factory.SubFactory(OccupationalStandardFactory, units=0)
    code = factory.Sequence(lambda n: f"U{n + 1}")
    title = factory.LazyAttribute(lambda o: f"Unidad {o.code.lstrip('U')}")
    sort_order = factory.Sequence(lambda n: n + 1)

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):  # noqa: N805
        for c in range(1, (extracted or 0) + 1):
            PerformanceCriterionFactory(unit=obj, code=f"{obj.code}.C{c}", sort_order=c)


class PerformanceCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "certification.PerformanceCriterion"

    unit = factory.SubFactory(CompetencyUnitFactory)
    code = factory.Sequence(lambda n: f"C{n + 1}")
    text = factory.LazyAttribute(lambda o: f"Criterio {o.code.rsplit('C', 1)[-1]}")
    sort_order = factory.Sequence(lambda n: n + 1)


class IssuerFactory(factory.django.DjangoModelFactory):
    """The country's issuer (one per country: an existing one is reused)."""

    class Meta:
        model = "certification.Issuer"
        django_get_or_create = ("country_id",)

    country_id = "CL"
    name = factory.LazyAttribute(lambda o: _ministry_name(o.country_id))


class CertificationProgramFactory(factory.django.DjangoModelFactory):
    """A program of ``standard`` requiring ``required_units`` (default: every
    unit of the standard)."""

    class Meta:
        model = "certification.CertificationProgram"
        skip_postgeneration_save = True

    standard = factory.SubFactory(OccupationalStandardFactory)
    code = factory.LazyAttribute(lambda o: f"prog-{o.standard.code.lower()}")
    title = factory.LazyAttribute(lambda o: f"Programa {o.standard.code}")
    issuer = factory.LazyAttribute(
        lambda o: IssuerFactory(country_id=o.standard.country_id)
    )

    @factory.post_generation
    def required_units(obj, create, extracted, **kwargs):  # noqa: N805
        obj.required_units.set(
            extracted if extracted is not None else obj.standard.units.all()
        )


class EvidenceFactory(factory.django.DjangoModelFactory):
    """Manual evidence of ``unit`` for ``learner``, named to ``assessor`` and
    confirmed by them (``evidence_attested``), so it counts."""

    class Meta:
        model = "certification.Evidence"

    learner = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(CompetencyUnitFactory)
    assessor = factory.SubFactory(UserFactory, legal_name="Rosa Evaluadora")
    source_id = factory.LazyAttribute(lambda o: f"test-{o.unit.pk}")
    assessed_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return evidence_attested(**kwargs)


def make_eligible(program, user=None, *, assessor=None, name="Ana María Pérez Núñez"):
    """A learner (``user`` or a new one called ``name``) with unit-level
    evidence, attested by ``assessor``, for every unit the program requires."""
    user = user or UserFactory(legal_name=name)
    assessor = assessor or UserFactory(legal_name="Rosa Evaluadora")
    for unit in program.required_units.all():
        EvidenceFactory(learner=user, unit=unit, assessor=assessor)
    return user


class CredentialFactory(factory.django.DjangoModelFactory):
    """A credential issued to an eligible ``holder`` through the issuance
    service: pending (its artefacts not built) unless ``active=True``, which
    builds and activates it (the issuer's keys must exist)."""

    class Meta:
        model = "certification.Credential"

    program = factory.SubFactory(CertificationProgramFactory)
    holder = factory.LazyAttribute(lambda o: make_eligible(o.program))
    active = False

    @classmethod
    def _create(cls, model_class, *args, program, holder, active=False, **kwargs):
        from certification.issuance.artefacts import credential_activate
        from certification.issuance.service import credential_issue

        credential = credential_issue(user=holder, program=program, queue=False)
        if active:
            credential_activate(credential.pk)
            credential.refresh_from_db()
        return credential
