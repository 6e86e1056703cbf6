"""Fixtures of the assessment tests: assessments authored through their
plugins' own forms, lessons embedding them, assessors and officers."""

import pytest
from django.contrib.auth.models import Group, Permission

from courses.models import LessonPage
from courses.services import enrolment_create
from lms.reference.models import Sector
from plugins.models import Assessment, Attempt, AttemptStatus
from plugins.registry import get_plugin
from plugins.roles import (
    ASSESSORS_GROUP,
    OFFICERS_GROUP,
    assessor_permissions_grant,
    trainer_group_name,
)
from tests.factories import UserFactory, assessor_roles_grant

QUIZ_BANK = """
? ¿Qué identifica el ISBN?
* Una edición de un libro
- Al autor
- A la imprenta
> El ISBN identifica una edición concreta.

? Elija los formatos de libro electrónico.
* EPUB
* PDF accesible
- TIFF

? El depósito legal es obligatorio en los cuatro países.
= verdadero

? ¿Cómo se llama el registro de derechos de autor en Chile?
~ Registro de Propiedad Intelectual
~ DDI
"""


def author(plugin_id: str, data: dict, **fields) -> Assessment:
    """An assessment whose config comes from the plugin's authoring form."""
    form = get_plugin(plugin_id).authoring_form(data=data)
    assert form.is_valid(), form.errors
    return Assessment.objects.create(
        title=fields.pop("title", f"Evaluación {plugin_id}"),
        plugin_id=plugin_id,
        config=form.cleaned_data,
        **fields,
    )


def quiz_data(bank=QUIZ_BANK, **extra):
    return {
        "questions": bank,
        "draw": "0",
        "shuffle_questions": "on",
        "shuffle_options": "on",
        "show_answers": "on",
        **extra,
    }


RUBRIC_DATA = {
    "prompt": "Describa el plan editorial de su proyecto.",
    "rubric": (
        "Claridad: Inicial=0; Logrado=2; Destacado=4\n"
        "Viabilidad: Inicial=0; Logrado=3; Destacado=6"
    ),
    "allow_files": "on",
    "max_files": "2",
    "max_file_mb": "1",
}


@pytest.fixture
def quiz(db):
    return author("quiz", quiz_data(), title="Cuestionario de edición", pass_mark=75)


@pytest.fixture
def rubric(db):
    return author("rubric", RUBRIC_DATA, title="Plan editorial", pass_mark=50)


def embed(course, assessment, *, slug="evaluacion") -> LessonPage:
    """A published lesson of ``course`` whose body embeds ``assessment``."""
    lesson = course.add_child(
        instance=LessonPage(
            title=f"Lección con {assessment.title}",
            slug=slug,
            body=[
                ("paragraph", "<p>Antes de la evaluación.</p>"),
                ("assessment", {"assessment": assessment}),
            ],
        )
    )
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def quiz_lesson(course, quiz, learner):
    enrolment_create(user=learner, course=course)
    return embed(course, quiz, slug="cuestionario")


@pytest.fixture
def rubric_lesson(course, rubric, learner):
    enrolment_create(user=learner, course=course)
    return embed(course, rubric, slug="plan-editorial")


@pytest.fixture
def groups(db):
    assessor_permissions_grant()
    return {
        "assessors": Group.objects.get(name=ASSESSORS_GROUP),
        "officers": Group.objects.get(name=OFFICERS_GROUP),
    }


@pytest.fixture
def assessor(groups):
    user = UserFactory(username="evaluadora", legal_name="Ana Evaluadora")
    user.groups.add(groups["assessors"])
    return assessor_roles_grant(user)


@pytest.fixture
def second_assessor(groups):
    user = UserFactory(username="evaluador2", legal_name="Beto Evaluador")
    user.groups.add(groups["assessors"])
    return assessor_roles_grant(user)


@pytest.fixture
def officer(groups):
    from certification.roles import officer_roles_sync

    user = UserFactory(username="oficial", legal_name="Olga Oficial")
    user.groups.add(groups["officers"], officer_roles_sync()["CL"])
    return user


@pytest.fixture
def assessor_client(assessor):
    """A browser session of its own (``client`` is the learner's)."""
    from django.test import Client

    staff = Client()
    staff.force_login(assessor)
    return staff


# Sector scope and review of assessments in the admin.


def role_member(group_name):
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    assessor_permissions_grant()
    user = UserFactory()
    user.groups.add(group)
    return user


def log_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def publishing():
    return Sector.objects.get(code="publishing")


@pytest.fixture
def music():
    return Sector.objects.get(code="music")


@pytest.fixture
def publishing_quiz(publishing):
    return author(
        "quiz",
        quiz_data(),
        title="Cuestionario de edición",
        pass_mark=75,
        max_attempts=2,
        sector=publishing,
    )


@pytest.fixture
def music_quiz(music):
    return author("quiz", quiz_data(), title="Cuestionario de música", sector=music)


@pytest.fixture
def music_trainer(music):
    return role_member(trainer_group_name(music))


def edit_data(assessment, **changes):
    data = {
        "title": assessment.title,
        "instructions": "",
        "sector": str(assessment.sector_id or ""),
        "pass_mark": "0",
        "max_attempts": "",
        "config-questions": "? Pregunta nueva\n* Sí\n- No",
        "config-draw": "0",
        "config_en-draw": "0",
    }
    data.update(changes)
    return data


@pytest.fixture
def private_root(settings, tmp_path):
    """Uploads go to a temporary folder (use as
    ``pytestmark = pytest.mark.usefixtures("private_root")``)."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "public"
    return settings.PRIVATE_MEDIA_ROOT


def start(client, assessment, lesson):
    """Start an attempt through the learner's view; returns it."""
    response = client.post(f"/assessments/{assessment.pk}/start/", {"page": lesson.pk})
    assert response.status_code == 302, response.content.decode()
    return Attempt.objects.filter(assessment=assessment).latest("pk")


def submit(client, attempt, data):
    return client.post(f"/assessments/attempts/{attempt.pk}/submit/", data)


def assert_nothing_recorded(attempt):
    """The attempt is still open, with no response and no files."""
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS
    assert attempt.response == {} and attempt.submitted_at is None
    assert not attempt.files.exists()
