"""Demonstration data: frameworks, standards, issuers and programs.

The standards are ``data/standards.csv``, loaded by the standards importer like
any officer's file.

``seed_certification_demo()`` creates or updates it all; running it again
changes nothing. Everything is labelled as demonstration data, not official.
"""

from pathlib import Path

from django.db import transaction

from certification.demo.english import english_texts_apply
from certification.demo.frameworks import FRAMEWORKS, MAPPING, REGIONAL
from certification.demo.programs import (
    DEMO_LABEL,
    DEMO_NOTE,
    EQUIVALENCES,
    ISSUER_PROFILES,
    PROGRAMS,
)
from certification.interchange import standards_import
from certification.models import (
    CertificationProgram,
    FrameworkLevel,
    Issuer,
    LevelMapping,
    OccupationalStandard,
    QualificationFramework,
    StandardEquivalence,
)
from certification.roles import officer_roles_sync
from lms.reference.models import Country

__all__ = ["PROGRAMS", "seed_certification_demo"]

STANDARDS_FILE = Path(__file__).parent / "data" / "standards.csv"

# The platform-wide role (admin access) that demo officers are given.
OFFICERS_ROLE = "Oficiales de certificación"


@transaction.atomic
def seed_certification_demo(context=None) -> None:
    """Frameworks, the provisional regional mapping, demo standards, issuers,
    programs and officer groups. ``context`` is ``seed_demo``'s shared context
    (anything with ``record(kind, outcome, count)``), or None."""
    _frameworks_seed()
    standards = _standards_seed()
    _equivalences_seed(standards)
    issuers = _issuers_seed()
    for row in PROGRAMS:
        _program_seed(row, standards, issuers)
    english_texts_apply()
    groups = officer_roles_sync()
    _demo_officers_place(context, groups)
    if context is not None:
        context.record("certification standards", "present", len(standards))
        context.record("certification programs", "present", len(PROGRAMS))


def _demo_officers_place(context, groups) -> None:
    """Demo users holding the platform-wide officers role join the officer group
    of their own country, which scopes what they see in the admin."""
    for user in getattr(context, "users", {}).values():
        if user.country in groups and user.groups.filter(name=OFFICERS_ROLE).exists():
            user.groups.add(groups[user.country])


def _framework_levels(framework, descriptors, *, names=None):
    result = {}
    for number, descriptor in enumerate(descriptors, start=1):
        level, _ = FrameworkLevel.objects.update_or_create(
            framework=framework,
            number=number,
            defaults={
                "name": names[number - 1] if names else f"Nivel {number}",
                "descriptor": descriptor,
            },
        )
        result[number] = level
    return result


def _frameworks_seed() -> None:
    regional, _ = QualificationFramework.objects.update_or_create(
        code=REGIONAL["code"],
        defaults={
            "name": REGIONAL["name"],
            "short_name": REGIONAL["short_name"],
            "description": REGIONAL["description"],
            "is_regional": True,
            "country": None,
        },
    )
    regional_levels = _framework_levels(
        regional, REGIONAL["levels"], names=REGIONAL["levels"]
    )
    levels = {}
    for row in FRAMEWORKS:
        framework, _ = QualificationFramework.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "short_name": row["short_name"],
                "country_id": row["country"],
                "source_url": row["source_url"],
                "is_regional": False,
            },
        )
        levels[row["country"]] = _framework_levels(framework, row["levels"])
        for national, regional_number in MAPPING[row["code"]].items():
            # Officers may have edited the mapping: only create missing rows.
            LevelMapping.objects.get_or_create(
                national_level=levels[row["country"]][national],
                defaults={
                    "regional_level": regional_levels[regional_number],
                    "provisional": True,
                },
            )


def _standards_seed() -> dict[str, OccupationalStandard]:
    """Import ``STANDARDS_FILE``; the demo standards by code."""
    with STANDARDS_FILE.open("rb") as file:
        standards_import(file, STANDARDS_FILE.name)
    return {
        standard.code: standard
        for standard in OccupationalStandard.objects.filter(code__startswith="DEMO-")
    }


def _equivalences_seed(standards) -> None:
    for (code_a, unit_a), (code_b, unit_b) in EQUIVALENCES:
        standard_a, standard_b = standards[code_a], standards[code_b]
        StandardEquivalence.objects.get_or_create(
            standard_a=standard_a,
            standard_b=standard_b,
            unit_a=standard_a.units.get(code=unit_a),
            unit_b=standard_b.units.get(code=unit_b),
            defaults={"notes": DEMO_LABEL},
        )


def _issuers_seed() -> dict[str, Issuer]:
    issuers = {}
    for country in Country.objects.all():
        profile_es, profile_en = ISSUER_PROFILES[country.code]
        issuers[country.code], _ = Issuer.objects.update_or_create(
            country=country,
            defaults={
                "name": country.ministry_name_es,
                "name_en": country.ministry_name_en,
                "website": country.ministry_url,
                "profile_es": profile_es,
                "profile_en": profile_en,
            },
        )
    return issuers


def _program_seed(row, standards, issuers) -> CertificationProgram:
    standard = standards[row["standard"]]
    program, _ = CertificationProgram.objects.update_or_create(
        code=row["code"],
        defaults={
            "title": row["title"],
            "description": DEMO_NOTE,
            "issuer": issuers[standard.country_id],
            "standard": standard,
            "kind": row["kind"],
            "issuance": row["issuance"],
            "validity_years": row["validity_years"],
            "active": True,
        },
    )
    program.required_units.set(standard.units.all())
    return program
