"""Fixtures of the assessment tests: assessments authored through their
plugins' own forms, lessons embedding them, assessors and officers."""

import pytest
from django.contrib.auth.models import Group

from courses.models import LessonPage
from courses.services import enrolment_create
from plugins.models import Assessment
from plugins.registry import get_plugin
from plugins.roles import ASSESSORS_GROUP, OFFICERS_GROUP, assessor_permissions_grant
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
