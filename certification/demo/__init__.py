"""Demonstration data: frameworks, standards, issuers and programs.

``seed_certification_demo()`` creates or updates it all; running it again
changes nothing. Everything is labelled as demonstration data, not official.
"""

from django.db import transaction

from certification.demo.english import english_texts_apply
from certification.demo.frameworks import FRAMEWORKS, MAPPING, REGIONAL
from certification.demo.standards import (
    DEMO_LABEL,
    DEMO_NOTE,
    EQUIVALENCES,
    ISSUER_PROFILES,
    PROGRAMS,
    STANDARDS,
)
from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    EvidenceRequirement,
    FrameworkLevel,
    Issuer,
    LevelMapping,
    OccupationalStandard,
    PerformanceCriterion,
    QualificationFramework,
    StandardEquivalence,
)
from certification.roles import officer_roles_sync
from lms.reference.models import Country, Sector

__all__ = ["PROGRAMS", "seed_certification_demo"]

# The platform-wide role (admin access) that demo officers are given.
OFFICERS_ROLE = "Oficiales de certificación"


@transaction.atomic
def seed_certification_demo(context=None) -> None:
    """Frameworks, the provisional regional mapping, demo standards, issuers,
    programs and officer groups. ``context`` is ``seed_demo``'s shared context
    (anything with ``record(kind, outcome, count)``), or None."""
    levels = _frameworks_seed()
    standards = {row["code"]: _standard_seed(row, levels) for row in STANDARDS}
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


def _frameworks_seed() -> dict[str, dict[int, FrameworkLevel]]:
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
    return levels


def _standard_seed(row, levels) -> OccupationalStandard:
    standard, _ = OccupationalStandard.objects.update_or_create(
        country_id=row["country"],
        code=row["code"],
        version="1",
        defaults={
            "system": row["system"],
            "title": f"{DEMO_LABEL}: {row['title']}",
            "description": DEMO_NOTE,
            "sector": Sector.objects.get(code=row["sector"]),
            "level": levels[row["country"]][row["level"]],
        },
    )
    for order, unit_row in enumerate(row["units"], start=1):
        unit, _ = CompetencyUnit.objects.update_or_create(
            standard=standard,
            code=unit_row["code"],
            defaults={"title": unit_row["title"], "sort_order": order},
        )
        for number, text in enumerate(unit_row["criteria"], start=1):
            PerformanceCriterion.objects.update_or_create(
                unit=unit,
                code=f"{unit_row['code']}.{number}",
                defaults={"text": text, "sort_order": number},
            )
        for number, (kind, text) in enumerate(unit_row["evidence"], start=1):
            EvidenceRequirement.objects.update_or_create(
                unit=unit,
                sort_order=number,
                defaults={"kind": kind, "description": text},
            )
    return standard


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
