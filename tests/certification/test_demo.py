"""Demonstration data: labelled as not official, idempotent, one program per
country, provisional regional mapping, and demo courses wired to programs."""

import pytest

from certification.demo import seed_certification_demo
from certification.eligibility import learner_eligibility
from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    FrameworkLevel,
    LevelMapping,
    OccupationalStandard,
    PerformanceCriterion,
    QualificationFramework,
)
from certification.services import evidence_record
from courses.demo.certification import seed_course_certification
from courses.models import CoursePage
from tests.conftest import make_course

pytestmark = pytest.mark.django_db


def snapshot():
    return [
        model.objects.count()
        for model in (
            QualificationFramework,
            FrameworkLevel,
            LevelMapping,
            OccupationalStandard,
            CompetencyUnit,
            PerformanceCriterion,
            CertificationProgram,
        )
    ]


def test_seeding_twice_changes_nothing(db):
    seed_certification_demo()
    first = snapshot()
    seed_certification_demo()
    assert snapshot() == first


def test_frameworks_have_the_countries_level_counts(db):
    seed_certification_demo()
    counts = {f.code: f.levels.count() for f in QualificationFramework.objects.all()}
    assert counts == {
        "cl-mctp": 5,
        "co-mnc": 8,
        "mx-conocer": 5,
        "pe-mncp": 8,
        "ap-referencia": 8,
    }


def test_the_regional_mapping_is_seeded_provisional_and_kept_when_edited(db):
    seed_certification_demo()
    assert LevelMapping.objects.count() == 26
    assert not LevelMapping.objects.filter(provisional=False).exists()
    mapping = LevelMapping.objects.get(
        national_level__framework__code="cl-mctp", national_level__number=3
    )
    mapping.provisional = False
    mapping.save()
    seed_certification_demo()
    mapping.refresh_from_db()
    assert mapping.provisional is False


def test_standards_are_labelled_demonstration_with_three_to_five_units(db):
    seed_certification_demo()
    standards = OccupationalStandard.objects.all()
    assert {s.country_id for s in standards} == {"CL", "CO", "MX", "PE"}
    for standard in standards:
        assert "DEMOSTRACIÓN — no oficial" in standard.title
        assert 3 <= standard.units.count() <= 5
        for unit in standard.units.all():
            assert unit.criteria.exists()


def test_every_country_has_a_program_from_its_ministry(db):
    seed_certification_demo()
    by_country = {p.issuer.country_id for p in CertificationProgram.objects.all()}
    assert by_country == {"CL", "CO", "MX", "PE"}
    for program in CertificationProgram.objects.all():
        assert program.required_units.exists()
        assert program.standard.country_id == program.issuer.country_id


def test_demo_courses_are_wired_to_their_programs(sector_page):
    course = make_course(sector_page, slug="edicion-independiente")
    seed_certification_demo()
    seed_course_certification()
    seed_course_certification()
    course = CoursePage.objects.get(pk=course.pk)
    assert course.certification_program.code == "cl-produccion-editorial-demo"
    codes = set(course.competency_units.values_list("code", flat=True))
    assert {"UCL-EDI-1", "PE-EDI-1"} <= codes


def test_the_peruvian_publishing_program_is_reached_through_chilean_units(learner):
    """Equivalences let the course evidence on the Chilean units count in Peru;
    assessed evidence alone does not earn a course-completion certificate."""
    seed_certification_demo()
    chile = OccupationalStandard.objects.get(code="DEMO-CL-EDI-01")
    peru = CertificationProgram.objects.get(code="pe-edicion-independiente-demo")
    for unit in chile.units.all():
        evidence_record(learner=learner, unit=unit, source_kind="attempt", source_id=1)
    assert not learner_eligibility(learner=learner, program=peru).eligible
    for unit in chile.units.all():
        evidence_record(learner=learner, unit=unit, source_kind="course", source_id=1)
    assert learner_eligibility(learner=learner, program=peru).eligible
