"""Eligibility rules, computed from evidence with a fixed number of queries.

A required unit is *demonstrated* by a learner when, counting only evidence that
has not expired:

1. there is unit-level evidence (``criterion`` empty) for the unit, or
2. every performance criterion of the unit has criterion-level evidence
   (a unit without criteria can only be demonstrated by unit-level evidence), or
3. rule 1 or 2 holds for a unit of another country's standard that a
   ``StandardEquivalence`` row declares equivalent to it (one hop; equivalence
   is symmetric and not chained),

and, in every case, the unit's evidence (unit- or criterion-level) includes
each *kind* its evidence requirements ask for (knowledge, product,
performance): a quiz gives knowledge, so it never certifies a unit that asks
for observed performance. Evidence without a kind (a manual record, a
completed course, imported prior learning) attests the unit as a whole and
counts for every kind.

Evidence from a completed course (``source_kind`` "course") is what a
course-completion program counts, and all it counts: that certificate says the
course was completed. A competency certificate counts every other kind of
evidence (assessed attempts, observations, recognition of prior learning) and
never course evidence.

A learner is *eligible* for a program when the program requires at least one
unit and every required unit is demonstrated.

Loading a program's requirements costs five queries; evaluating one learner or a
whole cohort costs one more (the cohort's evidence is read in a single query),
whatever the number of units or learners.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    Evidence,
    EvidenceRequirement,
    EvidenceSource,
    PerformanceCriterion,
    ProgramKind,
    StandardEquivalence,
)


@dataclass
class ProgramRequirements:
    """What a program asks for, with everything needed to judge evidence."""

    program: CertificationProgram
    units: list[CompetencyUnit]
    # unit id -> ids of its criteria (for required and equivalent units)
    criteria: dict[int, set[int]] = field(default_factory=dict)
    # required unit id -> ids of equivalent units of other standards
    equivalents: dict[int, set[int]] = field(default_factory=dict)
    # unit id -> the evidence kinds its requirements ask for (required and
    # equivalent units); a unit without requirements asks for no kind
    kinds: dict[int, set[str]] = field(default_factory=dict)

    @property
    def accepts_course_evidence(self) -> bool:
        return self.program.kind == ProgramKind.COURSE_COMPLETION

    @property
    def unit_ids(self) -> list[int]:
        return [unit.pk for unit in self.units]

    def relevant_unit_ids(self) -> set[int]:
        """Required units and their equivalents: the evidence worth reading."""
        ids = set(self.unit_ids)
        for others in self.equivalents.values():
            ids |= others
        return ids


@dataclass
class Eligibility:
    """The verdict for one learner and one program."""

    program: CertificationProgram
    learner_id: int
    demonstrated: dict[int, int] = field(default_factory=dict)
    missing: list[CompetencyUnit] = field(default_factory=list)
    units: list[CompetencyUnit] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return bool(self.units) and not self.missing

    def demonstrated_by(self, unit: CompetencyUnit) -> int | None:
        """The id of the unit whose evidence demonstrates ``unit`` (itself or an
        equivalent), or None when it is missing."""
        return self.demonstrated.get(unit.pk)


def requirements_load(
    programs: Iterable[CertificationProgram],
) -> dict[int, ProgramRequirements]:
    """Requirements for several programs at once, in five queries."""
    programs = list(programs)
    through = CertificationProgram.required_units.through
    links = list(
        through.objects.filter(
            certificationprogram_id__in=[p.pk for p in programs]
        ).values_list("certificationprogram_id", "competencyunit_id")
    )
    required_ids = {unit_id for _, unit_id in links}
    equivalents = _equivalents_load(required_ids)
    all_ids = required_ids.union(*equivalents.values()) if equivalents else required_ids
    units = {
        unit.pk: unit
        for unit in CompetencyUnit.objects.filter(pk__in=required_ids).select_related(
            "standard"
        )
    }
    criteria: dict[int, set[int]] = defaultdict(set)
    for criterion_id, unit_id in PerformanceCriterion.objects.filter(
        unit_id__in=all_ids
    ).values_list("pk", "unit_id"):
        criteria[unit_id].add(criterion_id)
    kinds: dict[int, set[str]] = defaultdict(set)
    for unit_id, kind in EvidenceRequirement.objects.filter(
        unit_id__in=all_ids
    ).values_list("unit_id", "kind"):
        kinds[unit_id].add(kind)
    by_program: dict[int, list[CompetencyUnit]] = defaultdict(list)
    for program_id, unit_id in links:
        by_program[program_id].append(units[unit_id])
    result = {}
    for program in programs:
        program_units = sorted(
            by_program[program.pk], key=lambda u: (u.sort_order, u.code, u.pk)
        )
        result[program.pk] = ProgramRequirements(
            program=program,
            units=program_units,
            criteria=criteria,
            kinds=kinds,
            equivalents={u.pk: equivalents.get(u.pk, set()) for u in program_units},
        )
    return result


def _equivalents_load(unit_ids: set[int]) -> dict[int, set[int]]:
    """Unit id -> equivalent unit ids, reading equivalences in both directions."""
    found: dict[int, set[int]] = defaultdict(set)
    rows = StandardEquivalence.objects.filter(
        Q(unit_a_id__in=unit_ids) | Q(unit_b_id__in=unit_ids)
    ).values_list("unit_a_id", "unit_b_id")
    for unit_a, unit_b in rows:
        if unit_a in unit_ids:
            found[unit_a].add(unit_b)
        if unit_b in unit_ids:
            found[unit_b].add(unit_a)
    return found


def evidence_rows(
    *, learners, unit_ids: set[int], at=None, course_evidence: bool = False
) -> QuerySet:
    """Current evidence of ``learners`` (a user, a queryset of users or ids) on
    ``unit_ids``, as ``(learner_id, unit_id, criterion_id, kind)`` tuples: one
    query.
    ``course_evidence`` True keeps only evidence from completed courses (what a
    course-completion program counts), False leaves it out."""
    rows = Evidence.objects.current(at).filter(unit_id__in=unit_ids)
    if course_evidence:
        rows = rows.filter(source_kind=EvidenceSource.COURSE)
    else:
        rows = rows.exclude(source_kind=EvidenceSource.COURSE)
    if hasattr(learners, "pk") and not isinstance(learners, QuerySet):
        rows = rows.filter(learner_id=learners.pk)
    elif isinstance(learners, QuerySet):
        rows = rows.filter(learner_id__in=learners.values("pk"))
    else:
        rows = rows.filter(learner_id__in=list(learners))
    return rows.values_list("learner_id", "unit_id", "criterion_id", "kind")


def demonstrated_unit_ids(
    requirements: ProgramRequirements, rows: Iterable[tuple[int, int | None, str]]
) -> set[int]:
    """Units (required or equivalent) demonstrated by one learner's evidence rows
    of ``(unit_id, criterion_id, kind)``."""
    unit_level: set[int] = set()
    criteria_met: dict[int, set[int]] = defaultdict(set)
    kinds_shown: dict[int, set[str]] = defaultdict(set)
    for unit_id, criterion_id, kind in rows:
        kinds_shown[unit_id].add(kind or "")
        if criterion_id is None:
            unit_level.add(unit_id)
        else:
            criteria_met[unit_id].add(criterion_id)
    covered = set(unit_level)
    for unit_id, met in criteria_met.items():
        needed = requirements.criteria.get(unit_id)
        if needed and needed <= met:
            covered.add(unit_id)
    return {
        unit_id
        for unit_id in covered
        if _kinds_met(requirements.kinds.get(unit_id, set()), kinds_shown[unit_id])
    }


def _kinds_met(needed: set[str], shown: set[str]) -> bool:
    """Evidence without a kind attests the whole unit; otherwise every kind
    the unit asks for must have been shown."""
    return "" in shown or needed <= shown


def eligibility_judge(
    requirements: ProgramRequirements,
    learner_id: int,
    rows: Iterable[tuple[int, int | None, str]],
) -> Eligibility:
    """Apply the rules to one learner's ``(unit_id, criterion_id, kind)``
    evidence rows."""
    done = demonstrated_unit_ids(requirements, rows)
    verdict = Eligibility(
        program=requirements.program, learner_id=learner_id, units=requirements.units
    )
    for unit in requirements.units:
        if unit.pk in done:
            verdict.demonstrated[unit.pk] = unit.pk
            continue
        via = sorted(requirements.equivalents.get(unit.pk, set()) & done)
        if via:
            verdict.demonstrated[unit.pk] = via[0]
        else:
            verdict.missing.append(unit)
    return verdict


def learner_eligibility(
    *, learner, program: CertificationProgram, requirements=None, at=None
) -> Eligibility:
    """Eligibility of one learner: at most six queries, whatever the units."""
    requirements = requirements or requirements_load([program])[program.pk]
    rows = evidence_rows(
        learners=learner,
        unit_ids=requirements.relevant_unit_ids(),
        at=at,
        course_evidence=requirements.accepts_course_evidence,
    )
    return eligibility_judge(
        requirements, learner.pk, ((u, c, k) for _, u, c, k in rows)
    )


def cohort_eligibility(
    *, program: CertificationProgram, learners, at=None
) -> dict[int, Eligibility]:
    """Eligibility of every learner in ``learners`` (a queryset of users, which is
    read as a subquery, or an iterable of ids) in six queries for the whole
    cohort. Learners without any evidence are included, with every unit missing."""
    at = at or timezone.now()
    requirements = requirements_load([program])[program.pk]
    if isinstance(learners, QuerySet):
        learner_ids = list(learners.values_list("pk", flat=True))
        source = learners
    else:
        learner_ids = list(learners)
        source = learner_ids
    per_learner: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
    rows = evidence_rows(
        learners=source,
        unit_ids=requirements.relevant_unit_ids(),
        at=at,
        course_evidence=requirements.accepts_course_evidence,
    )
    for learner_id, unit_id, criterion_id, kind in rows.iterator(chunk_size=5000):
        per_learner[learner_id].append((unit_id, criterion_id, kind))
    return {
        learner_id: eligibility_judge(
            requirements, learner_id, per_learner.get(learner_id, ())
        )
        for learner_id in learner_ids
    }
