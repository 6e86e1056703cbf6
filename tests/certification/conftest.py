"""Fixtures for the certification tests: a small standard per country, programs
and issuers built directly (no seed data)."""

import pytest

from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    Issuer,
    OccupationalStandard,
    PerformanceCriterion,
    StandardEquivalence,
)
from lms.reference.models import Country, Sector

SYSTEMS = {
    "CL": "chilevalora",
    "CO": "sena-nscl",
    "MX": "conocer-ec",
    "PE": "peru-mtpe",
}


def make_standard(country="CL", *, code=None, units=3, criteria=2, sector="publishing"):
    """A standard with ``units`` units of ``criteria`` criteria each."""
    standard = OccupationalStandard.objects.create(
        country_id=country,
        system=SYSTEMS[country],
        code=code or f"{country}-STD-1",
        title=f"Estándar de prueba {country}",
        sector=Sector.objects.get(code=sector),
    )
    for number in range(1, units + 1):
        unit = CompetencyUnit.objects.create(
            standard=standard,
            code=f"U{number}",
            title=f"Unidad {number}",
            sort_order=number,
        )
        for c in range(1, criteria + 1):
            PerformanceCriterion.objects.create(
                unit=unit, code=f"U{number}.C{c}", text=f"Criterio {c}", sort_order=c
            )
    return standard


def make_issuer(country="CL"):
    issuer, _ = Issuer.objects.get_or_create(
        country_id=country,
        defaults={"name": Country.objects.get(code=country).ministry_name_es},
    )
    return issuer


def make_program(standard, *, code=None, units=None, **extra):
    program = CertificationProgram.objects.create(
        code=code or f"prog-{standard.code.lower()}",
        title=f"Programa {standard.code}",
        issuer=make_issuer(standard.country_id),
        standard=standard,
        **extra,
    )
    program.required_units.set(units if units is not None else standard.units.all())
    return program


def make_equivalence(unit_a, unit_b):
    return StandardEquivalence.objects.create(
        standard_a=unit_a.standard,
        standard_b=unit_b.standard,
        unit_a=unit_a,
        unit_b=unit_b,
    )


@pytest.fixture
def chile_standard(db):
    return make_standard("CL")


@pytest.fixture
def chile_program(chile_standard):
    return make_program(chile_standard)
