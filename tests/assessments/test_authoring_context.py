"""The authoring form's read-only context (the core form's sector, units and
criteria) and the list-of-items field, through the admin."""

import pytest
from django import forms
from django.http import QueryDict

from certification.models import (
    CompetencyUnit,
    OccupationalStandard,
    PerformanceCriterion,
)
from lms.reference.models import Sector
from plugins.authoring import ItemListField
from plugins.models import Assessment
from plugins.selectors import authoring_context


@pytest.fixture
def unit(db):
    standard = OccupationalStandard.objects.create(
        country_id="CL",
        system="chilevalora",
        code="ESC-02",
        title="Técnico de escenario",
        sector=Sector.objects.get(code="music"),
    )
    unit = CompetencyUnit.objects.create(standard=standard, code="U7", title="Montar")
    for n in (1, 2):
        PerformanceCriterion.objects.create(
            unit=unit, code=f"C{n}", text=f"Criterio {n}"
        )
    return unit


def test_the_context_lists_the_chosen_units_with_their_criteria(unit):
    first, second = unit.criteria.order_by("code")
    music = Sector.objects.get(code="music")
    context = authoring_context(
        sector_id=music.pk, unit_ids=[str(unit.pk)], criterion_ids=[second.pk, "x"]
    )
    assert context.sector.key == f"sector:{music.pk}"
    assert [u.key for u in context.units] == [f"unit:{unit.pk}"]
    assert context.criteria_choices() == [
        (f"pc:{second.pk}", "C2 — Criterio 2"),
        (f"pc:{first.pk}", "C1 — Criterio 1"),
    ]


def _post(admin_client, unit, **extra):
    data = {
        "title": "Entrevista de prueba",
        "pass_mark": "70",
        "max_attempts": "3",
        "units": [str(unit.pk)],
        "config-questions-0-text": "¿Cómo monta el escenario?",
        "config-duration_minutes": "30",
        **extra,
    }
    return admin_client.post("/admin/assessments/new/entrevista/", data)


def test_choosing_a_unit_offers_its_criteria_in_the_same_save(admin_client, unit):
    """The first save, with the unit chosen but no criterion ticked, answers
    the form with the unit's criteria to tick; ticking them saves."""
    first, second = unit.criteria.order_by("code")
    html = _post(admin_client, unit).content.decode()
    assert "Elija al menos un criterio." in html
    assert f'value="pc:{first.pk}"' in html and "C1 — Criterio 1" in html
    assert "Elemento 2: " not in html  # the blank rows are not refused
    response = _post(
        admin_client,
        unit,
        **{"config-questions-0-criteria": [f"pc:{first.pk}", f"pc:{second.pk}"]},
    )
    assert response.status_code == 302
    config = Assessment.objects.get(title="Entrevista de prueba").config
    assert config["questions"][0]["criteria"] == [f"pc:{first.pk}", f"pc:{second.pk}"]


def test_a_criterion_not_of_the_assessment_is_refused(admin_client, unit):
    html = _post(
        admin_client, unit, **{"config-questions-0-criteria": ["pc:999999"]}
    ).content.decode()
    assert "Elemento 1: " in html
    assert not Assessment.objects.filter(title="Entrevista de prueba").exists()


class Row(forms.Form):
    text = forms.CharField()


class Items(forms.Form):
    rows = ItemListField(item_form=Row, min_items=1, extra=1)


def test_item_lists_drop_blank_rows_and_number_their_errors():
    data = QueryDict(mutable=True)
    data.update({"rows-0-text": "uno", "rows-1-text": "", "rows-2-text": "tres"})
    form = Items(data=data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["rows"] == [{"text": "uno"}, {"text": "tres"}]
    assert not Items(data=QueryDict("rows-0-text=")).is_valid()
    unbound = Items(initial={"rows": [{"text": "uno"}]}).as_div()
    assert 'value="uno"' in unbound and 'name="rows-1-text"' in unbound
