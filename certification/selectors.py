"""Reads of the certification layer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from certification.eligibility import (
    Eligibility,
    cohort_eligibility,
    eligibility_judge,
    learner_eligibility,
    requirements_load,
)
from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    Credential,
    Evidence,
    EvidenceSource,
    ProgramApplication,
    ProgramKind,
)
from certification.signals import register_unit_assessments

__all__ = [
    "cohort_eligibility",
    "competency_record",
    "learner_eligibility",
    "program_missing_units",
    "unit_assessment_offers",
]


def program_missing_units(*, learner, program) -> list[CompetencyUnit]:
    """The required units ``learner`` has still to demonstrate, in program order."""
    return learner_eligibility(learner=learner, program=program).missing


def unit_assessment_offers(*, learner, units) -> dict[int, list[dict]]:
    """Assessments higher layers offer ``learner`` for ``units``, by unit id,
    collected through ``register_unit_assessments``."""
    offers: dict[int, list[dict]] = defaultdict(list)
    if not units:
        return offers
    responses = register_unit_assessments.send(
        sender=CompetencyUnit, learner=learner, units=list(units)
    )
    for _receiver, answer in responses:
        for unit_id, items in (answer or {}).items():
            offers[unit_id].extend(items)
    return offers


@dataclass
class UnitRecord:
    unit: CompetencyUnit
    demonstrated: bool
    via_equivalent: CompetencyUnit | None
    evidence: list[Evidence]
    criteria_total: int
    criteria_met: int
    offers: list[dict] = field(default_factory=list)


@dataclass
class ProgramRecord:
    program: CertificationProgram
    verdict: Eligibility
    units: list[UnitRecord]
    application: ProgramApplication | None
    credential: Credential | None = None

    @property
    def eligible(self) -> bool:
        return self.verdict.eligible

    @property
    def demonstrated_count(self) -> int:
        return sum(1 for u in self.units if u.demonstrated)


@dataclass
class CompetencyRecord:
    programs: list[ProgramRecord] = field(default_factory=list)
    available: list[CertificationProgram] = field(default_factory=list)


def competency_record(*, learner) -> CompetencyRecord:
    """For each active program the learner applied to or holds evidence for: the
    units demonstrated (with their evidence) and missing. Other active programs
    are listed as ``available`` for a direct (RPL) application. With each
    program, the learner's application (its state and next step) and their
    credential once it exists. Nine queries."""
    programs = list(
        CertificationProgram.objects.active().select_related(
            "issuer", "standard", "standard__country"
        )
    )
    requirements = requirements_load(programs)
    relevant = set()
    for req in requirements.values():
        relevant |= req.relevant_unit_ids()
    evidence = list(
        Evidence.objects.current()
        .filter(learner=learner, unit_id__in=relevant)
        .select_related("unit", "unit__standard", "criterion", "assessor")
        .order_by("assessed_at", "pk")
    )
    by_unit: dict[int, list[Evidence]] = defaultdict(list)
    for item in evidence:
        by_unit[item.unit_id].append(item)
    applications = {
        a.program_id: a
        for a in ProgramApplication.objects.filter(
            learner=learner, program__in=programs
        )
    }
    credentials = {
        c.program_id: c
        for c in Credential.objects.visible()
        .filter(holder=learner, program__in=programs)
        .order_by("issued_at")
    }
    record = CompetencyRecord()
    for program in programs:
        req = requirements[program.pk]
        # As eligibility counts it: a course-completion program counts course
        # evidence only, a competency certificate everything else.
        counted = [
            e
            for e in evidence
            if (e.source_kind == EvidenceSource.COURSE) == req.accepts_course_evidence
        ]
        rows = [(e.unit_id, e.criterion_id, e.kind) for e in counted]
        verdict = eligibility_judge(req, learner.pk, rows)
        touched = any(by_unit.get(uid) for uid in req.relevant_unit_ids())
        touched = touched or program.pk in credentials
        if program.pk not in applications and not touched:
            if program.kind == ProgramKind.COMPETENCY:
                record.available.append(program)
            continue
        record.programs.append(
            ProgramRecord(
                program=program,
                verdict=verdict,
                units=[_unit_record(req, verdict, unit, by_unit) for unit in req.units],
                application=applications.get(program.pk),
                credential=credentials.get(program.pk),
            )
        )
    _offers_attach(record, learner)
    return record


def _offers_attach(record: CompetencyRecord, learner) -> None:
    missing = {
        row.unit.pk: row.unit
        for item in record.programs
        for row in item.units
        if not row.demonstrated
    }
    offers = unit_assessment_offers(learner=learner, units=list(missing.values()))
    for item in record.programs:
        for row in item.units:
            if not row.demonstrated:
                row.offers = offers.get(row.unit.pk, [])


def _unit_record(req, verdict, unit, by_unit) -> UnitRecord:
    via_id = verdict.demonstrated_by(unit)
    via_items = by_unit.get(via_id, []) if via_id is not None else []
    via_unit = via_items[0].unit if via_items and via_id != unit.pk else None
    items = list(by_unit.get(unit.pk, []))
    if via_unit is not None:
        items += via_items
    met = {e.criterion_id for e in by_unit.get(unit.pk, []) if e.criterion_id}
    return UnitRecord(
        unit=unit,
        demonstrated=via_id is not None,
        via_equivalent=via_unit,
        evidence=items,
        criteria_total=len(req.criteria.get(unit.pk, ())),
        criteria_met=len(met),
    )
