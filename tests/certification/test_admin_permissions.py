"""Officers see and change only their own country's standards and programs; a
row of another country answers 403; deleting a unit with evidence is refused."""

import pytest
from django.contrib.auth.models import Group
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    Evidence,
    OccupationalStandard,
)
from certification.roles import officer_roles_sync
from tests.certification.conftest import make_program, make_standard
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COUNTRIES = ["CL", "CO", "MX", "PE"]


@pytest.fixture
def world(db):
    groups = officer_roles_sync()
    standards = {c: make_standard(c, code=f"STD-{c}") for c in COUNTRIES}
    programs = {c: make_program(standards[c]) for c in COUNTRIES}
    officers = {}
    for code in COUNTRIES:
        officer = UserFactory(username=f"officer-{code.lower()}", country=code)
        officer.groups.add(groups[code])
        officers[code] = officer
    return {"standards": standards, "programs": programs, "officers": officers}


def test_officer_roles_sync_is_idempotent_and_names_the_country(db):
    first = officer_roles_sync()
    second = officer_roles_sync()
    assert {c: g.pk for c, g in first.items()} == {c: g.pk for c, g in second.items()}
    assert (
        Group.objects.filter(name__startswith="Oficiales de certificación —").count()
        == 4
    )
    assert first["PE"].name == "Oficiales de certificación — Perú"


@pytest.mark.parametrize("officer_country", COUNTRIES)
@pytest.mark.parametrize("row_country", COUNTRIES)
@pytest.mark.parametrize(
    ("kind", "url_name"),
    [
        ("standards", "certification_standards:edit"),
        ("programs", "certification_programs:edit"),
        ("standards", "certification_standards:delete"),
    ],
)
def test_officer_permission_matrix(
    client, world, officer_country, row_country, kind, url_name
):
    """200 on the officer's own country, 403 on every other one."""
    client.force_login(world["officers"][officer_country])
    row = world[kind][row_country]
    response = client.get(reverse(url_name, args=[row.pk]))
    expected = 200 if officer_country == row_country else 403
    assert response.status_code == expected


def test_officer_cannot_post_an_edit_outside_their_country(client, world):
    client.force_login(world["officers"]["CL"])
    peru = world["standards"]["PE"]
    response = client.post(
        reverse("certification_standards:edit", args=[peru.pk]),
        {"title": "Cambiado desde Chile"},
    )
    assert response.status_code == 403
    peru.refresh_from_db()
    assert peru.title != "Cambiado desde Chile"


def test_officer_cannot_delete_a_program_outside_their_country(client, world):
    client.force_login(world["officers"]["CO"])
    program = world["programs"]["MX"]
    response = client.post(reverse("certification_programs:delete", args=[program.pk]))
    assert response.status_code == 403
    assert CertificationProgram.objects.filter(pk=program.pk).exists()


def test_the_listing_shows_only_the_officers_country(client, world):
    client.force_login(world["officers"]["MX"])
    response = client.get(reverse("certification_standards:index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "STD-MX" in content
    assert "STD-CL" not in content and "STD-PE" not in content


def test_officer_cannot_create_a_standard_for_another_country(client, world):
    client.force_login(world["officers"]["CL"])
    response = client.post(
        reverse("certification_standards:add"),
        {
            "country": "PE",
            "system": "peru-mtpe",
            "sector": world["standards"]["PE"].sector_id,
            "code": "INTRUSO",
            "version": "1",
            "title": "Estándar intruso",
        },
    )
    assert response.status_code == 200  # the form is shown again with an error
    assert "country" in response.context["form"].errors
    assert not OccupationalStandard.objects.filter(code="INTRUSO").exists()


def test_officer_creates_a_standard_for_their_country(client, world):
    client.force_login(world["officers"]["CL"])
    response = client.post(
        reverse("certification_standards:add"),
        {
            "country": "CL",
            "system": "chilevalora",
            "sector": world["standards"]["CL"].sector_id,
            "code": "NUEVO-CL",
            "version": "1",
            "title": "Estándar nuevo",
        },
    )
    assert response.status_code == 302
    assert OccupationalStandard.objects.filter(code="NUEVO-CL").exists()


def test_a_learner_without_officer_role_gets_no_admin(client, world, learner):
    client.force_login(learner)
    response = client.get(
        reverse("certification_standards:edit", args=[world["standards"]["CL"].pk])
    )
    assert response.status_code in (302, 403)


def test_a_unit_with_evidence_cannot_be_deleted(client, world, learner):
    """The admin explains why and nothing is lost."""
    unit = world["standards"]["CL"].units.first()
    Evidence.objects.create(
        learner=learner,
        unit=unit,
        source_kind="attempt",
        source_id="9",
        assessed_at=timezone.now(),
    )
    client.force_login(world["officers"]["CL"])
    url = reverse("certification_units:delete", args=[unit.pk])
    response = client.post(url, follow=True)
    assert CompetencyUnit.objects.filter(pk=unit.pk).exists()
    assert Evidence.objects.filter(unit=unit).count() == 1
    assert unit.criteria.count() == 2
    messages = [str(m) for m in response.context["messages"]]
    assert any("No se puede eliminar" in m for m in messages)


def test_a_standard_whose_units_have_evidence_cannot_be_deleted(client, world, learner):
    standard = world["standards"]["CL"]
    world["programs"]["CL"].delete()
    Evidence.objects.create(
        learner=learner,
        unit=standard.units.first(),
        source_kind="attempt",
        source_id="9",
        assessed_at=timezone.now(),
    )
    client.force_login(world["officers"]["CL"])
    client.post(reverse("certification_standards:delete", args=[standard.pk]))
    assert OccupationalStandard.objects.filter(pk=standard.pk).exists()
    assert standard.units.count() == 3


def test_a_unit_without_evidence_can_be_deleted(client, world):
    unit = world["standards"]["CL"].units.last()
    world["programs"]["CL"].required_units.remove(unit)
    client.force_login(world["officers"]["CL"])
    response = client.post(reverse("certification_units:delete", args=[unit.pk]))
    assert response.status_code == 302
    assert not CompetencyUnit.objects.filter(pk=unit.pk).exists()


VIEWSETS = [
    "certification_standards",
    "certification_units",
    "certification_equivalences",
    "certification_programs",
    "certification_applications",
    "certification_evidence",
    "certification_issuers",
    "certification_frameworks",
    "certification_levels",
    "certification_level_mappings",
]


@pytest.mark.parametrize("name", VIEWSETS)
def test_every_certification_listing_renders_for_an_officer(client, world, name):
    client.force_login(world["officers"]["PE"])
    assert client.get(reverse(f"{name}:index")).status_code == 200


def test_the_unit_editor_shows_its_criteria_inline(client, world):
    unit = world["standards"]["CO"].units.first()
    client.force_login(world["officers"]["CO"])
    response = client.get(reverse("certification_units:edit", args=[unit.pk]))
    assert response.status_code == 200
    assert "Criterios de desempeño" in response.content.decode()
    assert unit.criteria.first().text in response.content.decode()


def test_an_officer_program_form_offers_only_their_units(client, world):
    client.force_login(world["officers"]["MX"])
    response = client.get(reverse("certification_programs:add"))
    field = response.context["form"].fields["required_units"]
    assert {u.standard.country_id for u in field.queryset} == {"MX"}


def make_credential(program, holder):
    from certification.models import Credential

    return Credential.objects.create(
        holder=holder,
        program=program,
        issuer=program.issuer,
        holder_name=holder.display_name,
        program_title=program.title,
        standard_code=program.standard.code,
        standard_version=program.standard.version,
        standard_title=program.standard.title,
        units=[{"code": u.code} for u in program.required_units.all()],
    )


def test_a_unit_certified_by_an_issued_credential_cannot_be_deleted(
    client, world, learner
):
    program = world["programs"]["CL"]
    make_credential(program, learner)
    unit = program.required_units.first()
    with pytest.raises(ProtectedError):
        unit.delete()
    client.force_login(world["officers"]["CL"])
    response = client.post(
        reverse("certification_units:delete", args=[unit.pk]), follow=True
    )
    assert CompetencyUnit.objects.filter(pk=unit.pk).exists()
    assert program.required_units.filter(pk=unit.pk).exists()
    assert unit.criteria.count() == 2
    messages = [str(m) for m in response.context["messages"]]
    assert any("credenciales" in m for m in messages)
