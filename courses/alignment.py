"""What ties courses to certification: the programs a course leads to, the
course evidence a completion gives, the assessments offered per unit."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex

from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    EvidenceKind,
    EvidenceSource,
    ProgramKind,
    StandardEquivalence,
)
from certification.services import evidence_record
from courses.models import CoursePage
from courses.selectors import canonical
from plugins.models import Assessment


def course_completion_evidence(*, user, course) -> None:
    """On a course's completion (before ``course_completed``): for each
    course-completion program the course leads to (its own program, or one
    requiring units it teaches), record course evidence for the program's units
    the course teaches (all of them when the course names none). Competency
    programs ignore this evidence: they need assessments."""
    for program in course_programs(course):
        if program.kind != ProgramKind.COURSE_COMPLETION:
            continue
        required = program.required_units.all()
        taught = required.filter(pk__in=course.competency_units.values("pk"))
        for unit in taught if taught.exists() else required:
            evidence_record(
                learner=user,
                unit=unit,
                source_kind=EvidenceSource.COURSE,
                source_id=course.pk,
            )


def unit_assessment_offers(sender, *, learner, units, **kwargs) -> dict:
    """``register_unit_assessments`` receiver: for each unit, the assessments
    that give evidence for it (or for one of its criteria), linked to a live
    lesson page embedding them or else to the assessment's own page, so a
    candidate can take them without the course. Each offer says the kind of
    evidence it gives and whether an assessor grades it."""
    unit_ids = [unit.pk for unit in units]
    assessments = [
        assessment
        for assessment in Assessment.objects.filter(
            Q(units__in=unit_ids) | Q(criteria__unit__in=unit_ids)
        )
        .distinct()
        .prefetch_related("units", "criteria")
        if assessment.plugin_installed
    ]
    pages = _embedding_pages(assessments)
    offers: dict[int, list[dict]] = defaultdict(list)
    for assessment in assessments:
        page = pages.get(assessment.pk)
        if page is not None:
            url = f"{page.url}#assessment-{assessment.pk}"
        else:
            url = reverse("plugins:take", args=[assessment.pk])
        kind = assessment.evidence_kind
        covered = {u.pk for u in assessment.units.all()}
        covered |= {c.unit_id for c in assessment.criteria.all()}
        for unit_id in covered & set(unit_ids):
            offers[unit_id].append(
                {
                    "title": assessment.display_title,
                    "url": url,
                    "kind": kind,
                    "kind_label": EvidenceKind(kind).label if kind else "",
                    "assessor": kind != EvidenceKind.KNOWLEDGE,
                }
            )
    return offers


def course_counts_toward(*, course: CoursePage, lesson_ids) -> list[dict]:
    """The active programs ``course`` counts toward, for «Este curso cuenta
    para: …»: those requiring a unit the course teaches or that an assessment
    embedded in one of ``lesson_ids`` is aligned to (a unit or one of its
    criteria), directly or through an equivalent unit of another country.
    Each item: ``program``, ``country`` (name) and ``units`` (the units the
    course gives evidence for). Four queries, whatever the number of lessons."""
    assessment_ids = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Assessment),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in lesson_ids],
    ).values_list("to_object_id", flat=True)
    ids = [int(pk) for pk in assessment_ids if str(pk).isdigit()]
    units = set(
        CompetencyUnit.objects.filter(
            Q(courses=canonical(course))
            | Q(assessments__in=ids)
            | Q(criteria__assessments__in=ids)
        ).values_list("pk", flat=True)
    )
    if not units:
        return []
    related = set(units)
    for unit_a, unit_b in StandardEquivalence.objects.filter(
        Q(unit_a_id__in=units) | Q(unit_b_id__in=units)
    ).values_list("unit_a_id", "unit_b_id"):
        related |= {unit_a, unit_b}
    programs = (
        CertificationProgram.objects.active()
        .filter(required_units__in=related)
        .select_related("issuer__country")
        .prefetch_related("required_units")
        .distinct()
    )
    return [
        {
            "program": program,
            "country": program.issuer.country,
            "units": [u for u in program.required_units.all() if u.pk in related],
        }
        for program in programs
    ]


def course_programs(course: CoursePage) -> list[CertificationProgram]:
    """The active programs a learner starting ``course`` applies to: the one
    it leads to, and course-completion programs whose units it teaches."""
    programs = list(
        CertificationProgram.objects.active()
        .filter(
            Q(pk=course.certification_program_id)
            | Q(
                kind=ProgramKind.COURSE_COMPLETION,
                required_units__in=course.competency_units.all(),
            )
        )
        .distinct()
    )
    return programs


def _embedding_pages(assessments) -> dict[int, Page]:
    """Assessment id -> one live page whose body embeds it (reference index)."""
    if not assessments:
        return {}
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(Assessment),
        to_object_id__in=[str(a.pk) for a in assessments],
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id")
    by_page = {
        int(page_id): int(assessment_id) for assessment_id, page_id in references
    }
    result = {}
    for page in Page.objects.live().filter(pk__in=by_page).specific():
        result.setdefault(by_page[page.pk], page)
    return result
