"""The demo standards, shipped as a spreadsheet and loaded through the standards
importer, seed exactly what the earlier hand-written upsert seeded: the same
standards, units, criteria and evidence requirements, field by field and in the
same order (``data/demo_standards.json`` was recorded from that upsert)."""

import json
from pathlib import Path

import pytest

from certification.demo import seed_certification_demo
from certification.models import (
    CompetencyUnit,
    EvidenceRequirement,
    OccupationalStandard,
    PerformanceCriterion,
)

RECORDED = Path(__file__).parent / "data" / "demo_standards.json"


def demo_standards_state() -> dict:
    """Every demo standard row with its children, by natural keys and in id order
    (so the creation order is compared too)."""
    standards = [
        [
            s.country_id,
            s.code,
            s.version,
            s.system,
            s.title,
            s.description,
            s.sector.code,
            s.level.number if s.level else None,
        ]
        for s in OccupationalStandard.objects.order_by("pk").select_related(
            "sector", "level"
        )
    ]
    units = [
        [u.standard.code, u.code, u.title, u.sort_order]
        for u in CompetencyUnit.objects.order_by("pk").select_related("standard")
    ]
    criteria = [
        [c.unit.standard.code, c.unit.code, c.code, c.text, c.sort_order]
        for c in PerformanceCriterion.objects.order_by("pk").select_related(
            "unit__standard"
        )
    ]
    evidence = [
        [e.unit.standard.code, e.unit.code, e.kind, e.description, e.sort_order]
        for e in EvidenceRequirement.objects.order_by("pk").select_related(
            "unit__standard"
        )
    ]
    return {
        "standards": standards,
        "units": units,
        "criteria": criteria,
        "evidence": evidence,
    }


@pytest.mark.django_db
def test_the_demo_standards_file_seeds_what_the_old_upsert_seeded():
    seed_certification_demo()
    recorded = json.loads(RECORDED.read_text())
    state = json.loads(json.dumps(demo_standards_state()))
    for part in ("standards", "units", "criteria", "evidence"):
        assert len(state[part]) == len(recorded[part]), part
        assert state[part] == recorded[part], part
