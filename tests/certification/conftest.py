"""Fixtures for the certification tests: a small standard per country, programs
and issuers built directly (no seed data)."""

import pytest

from certification.models import StandardEquivalence
from lms.reference.models import Sector
from tests.factories import (
    CertificationProgramFactory,
    IssuerFactory,
    OccupationalStandardFactory,
)


def make_standard(country="CL", *, code=None, units=3, criteria=2, sector="publishing"):
    """A standard with ``units`` units of ``criteria`` criteria each."""
    return OccupationalStandardFactory(
        country_id=country,
        code=code or f"{country}-STD-1",
        sector=Sector.objects.get(code=sector),
        units=units,
        units__criteria=criteria,
    )


def make_issuer(country="CL"):
    return IssuerFactory(country_id=country)


def make_program(standard, *, code=None, units=None, **extra):
    return CertificationProgramFactory(
        standard=standard,
        code=code or f"prog-{standard.code.lower()}",
        required_units=units,
        **extra,
    )


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
