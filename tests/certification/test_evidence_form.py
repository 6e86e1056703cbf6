"""The officer's manual evidence form: learners found by name or national ID
within the officer's country, told apart by full name and ID; no technical
fields; a native date input; errors in the active language."""

import pytest
from django.test import Client
from django.utils import timezone

from certification.models import Evidence
from tests.certification.conftest import make_program, make_standard
from tests.factories import UserFactory
from tests.helpers import make_assessor, make_officer, make_peruvian

URL = "/admin/certification_evidence/new/"


@pytest.fixture
def program(db):
    return make_program(make_standard("CL", units=2, criteria=1))


@pytest.fixture
def officer(db):
    return make_officer(legal_name="Olga Fuentes")


@pytest.fixture
def officer_client(officer):
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def camilas(db):
    return [
        UserFactory(legal_name="Camila Torres Muñoz", national_id="12345678-5"),
        UserFactory(legal_name="Camila Rojas Soto", national_id="11111111-1"),
        make_peruvian(legal_name="Camila Quispe Huamán"),
    ]


def test_search_by_name_lists_the_officers_country_with_full_name_and_id(
    officer_client, camilas, program
):
    html = officer_client.get(URL, {"q": "camila"}).content.decode()
    assert "Camila Torres Muñoz — 12345678-5" in html
    assert "Camila Rojas Soto — 11111111-1" in html
    assert "Camila Quispe" not in html


def test_search_by_national_id_as_typed_with_dots(officer_client, camilas, program):
    html = officer_client.get(URL, {"q": "12.345.678"}).content.decode()
    assert "Camila Torres Muñoz" in html and "Camila Rojas" not in html


def test_the_form_asks_nothing_technical_and_uses_a_native_date_input(
    officer_client, program
):
    html = officer_client.get(URL).content.decode()
    assert 'name="source_id"' not in html and 'name="source_kind"' not in html
    assert 'type="date"' in html and 'name="assessed_on"' in html
    assert "Busque primero a la persona" in html


def test_saving_records_unconfirmed_manual_evidence_with_a_generated_reference(
    officer_client, camilas, program
):
    assessor = make_assessor(legal_name="Rosa Evaluadora")
    unit = program.required_units.first()
    response = officer_client.post(
        f"{URL}?q=Camila",
        {
            "learner": camilas[1].pk,
            "unit": unit.pk,
            "assessor": assessor.pk,
            "assessed_on": timezone.localdate().isoformat(),
            "notes": "Observación en taller.",
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert (evidence.learner, evidence.unit, evidence.assessor) == (
        camilas[1],
        unit,
        assessor,
    )
    assert evidence.source_kind == "manual" and evidence.source_id.startswith("manual-")
    assert evidence.recorded_by.legal_name == "Olga Fuentes"
    assert evidence.confirmed_at is None
    pending = Client()
    pending.force_login(assessor)
    listing = pending.get("/admin/certification/evidence/pending/").content.decode()
    assert "Camila Rojas Soto" in listing
    pending.post(f"/admin/certification/evidence/{evidence.pk}/confirm/")
    evidence.refresh_from_db()
    assert evidence.confirmed_by == assessor


def test_a_learner_of_another_country_cannot_be_chosen(
    officer_client, camilas, program
):
    response = officer_client.post(
        URL,
        {
            "learner": camilas[2].pk,
            "unit": program.required_units.first().pk,
            "assessed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "no está entre las de su país" in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_refusal_is_shown_on_the_form_and_saves_nothing(
    officer_client, camilas, program
):
    response = officer_client.post(
        URL,
        {
            "learner": camilas[0].pk,
            "unit": program.required_units.first().pk,
            "assessor": camilas[1].pk,  # not an accredited assessor
            "assessed_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    "language,expected,foreign",
    [
        ("es", "Elija la unidad de competencia.", "Choose the competency unit."),
        ("en", "Choose the competency unit.", "Elija la unidad de competencia."),
    ],
)
def test_errors_are_all_in_the_active_language(
    officer, officer_client, program, language, expected, foreign
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = language
    profile.save()
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    response = officer_client.post(URL, {"assessed_on": tomorrow.isoformat()})
    html = response.content.decode()
    assert expected in html and foreign not in html
    future = {"es": "no puede ser futura", "en": "cannot be in the future"}
    assert future[language] in html
    learner = {"es": "Busque y elija", "en": "Search for and choose"}
    assert learner[language] in html
