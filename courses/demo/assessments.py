"""Demo assessments: a quiz and an open response with rubric in the
independent-publishing course, each in a lesson of its own. Idempotent:
assessments are found by title and lessons by slug; nothing existing is
changed."""

from courses.demo import markup
from courses.demo.content.assessment_lessons import QUIZ_LESSON, RUBRIC_LESSON
from courses.demo.pages import assessment_lesson_place
from courses.models import CoursePage
from plugins.models import Assessment
from plugins.registry import get_plugin
from plugins.roles import assessor_permissions_grant

COURSE_SLUG = "edicion-independiente"

QUIZ = {
    "title": "Cuestionario: ISBN, depósito legal y metadatos",
    "after": "isbn-deposito-legal-metadatos",
    "slug": "evaluacion-isbn-metadatos",
    "lesson": QUIZ_LESSON,
    "pass_mark": 70,
    "max_attempts": 3,
    "time_limit_minutes": 20,
    "instructions": "Responda las preguntas. Verá sus resultados al enviar.",
    "data": {
        "questions": (
            "? ¿Qué identifica un ISBN?\n"
            "* Una edición concreta de un libro\n"
            "- A la persona autora\n"
            "- A la imprenta\n"
            "> Cada edición y formato (impreso, EPUB) lleva su propio ISBN.\n\n"
            "? ¿Qué formatos son libros electrónicos?\n"
            "* EPUB\n"
            "* PDF accesible\n"
            "- TIFF\n"
            "> EPUB es el estándar abierto; el PDF debe ser accesible.\n\n"
            "? El depósito legal conserva la memoria bibliográfica del país.\n"
            "= verdadero\n\n"
            "? ¿Qué sigla usa el registro ONIX para los metadatos del libro?\n"
            "~ ONIX\n"
            "~ ONIX for Books\n"
            "> ONIX es el estándar de intercambio de metadatos del libro.\n\n"
            "? Un mismo ISBN puede reutilizarse para una nueva edición corregida.\n"
            "= falso\n"
            "> Una nueva edición necesita un ISBN nuevo."
        ),
        "draw": "0",
        "shuffle_questions": "on",
        "shuffle_options": "on",
        "show_answers": "on",
    },
}

RUBRIC = {
    "title": "Plan editorial de un título",
    "after": "costos-tiradas-distribucion",
    "slug": "evaluacion-plan-editorial",
    "lesson": RUBRIC_LESSON,
    "pass_mark": 60,
    "max_attempts": 2,
    "time_limit_minutes": None,
    "instructions": "Un evaluador revisará su plan y le escribirá.",
    "data": {
        "prompt": (
            "Presente el plan editorial de un título que quiera publicar: público, "
            "formato, calendario, tirada, costos, canales de distribución y la "
            "ficha de metadatos del título."
        ),
        "rubric": (
            "Público y propuesta: Inicial=0; En desarrollo=2; Logrado=4\n"
            "Costos y tirada: Inicial=0; En desarrollo=2; Logrado=4\n"
            "Distribución: Inicial=0; En desarrollo=1; Logrado=2\n"
            "Ficha de metadatos: Inicial=0; En desarrollo=1; Logrado=2"
        ),
        "allow_files": "on",
        "max_files": "3",
        "max_file_mb": "20",
    },
}


def _assessment(spec, sector) -> tuple[Assessment, str]:
    plugin_id = "quiz" if spec is QUIZ else "rubric"
    found = Assessment.objects.filter(title=spec["title"], plugin_id=plugin_id).first()
    if found:
        return found, "unchanged"
    form = get_plugin(plugin_id).authoring_form(data=spec["data"])
    if not form.is_valid():
        raise ValueError(f"demo {plugin_id} config is invalid: {form.errors}")
    assessment = Assessment.objects.create(
        title=spec["title"],
        plugin_id=plugin_id,
        config=form.cleaned_data,
        instructions=spec["instructions"],
        sector=sector,
        pass_mark=spec["pass_mark"],
        max_attempts=spec["max_attempts"],
        time_limit_minutes=spec["time_limit_minutes"],
    )
    return assessment, "created"


def _fields(spec, language: str, assessment) -> dict:
    text = spec["lesson"][language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "estimated_minutes": 40,
        "body": [
            *markup.to_blocks(text["body"]),
            ("assessment", {"assessment": assessment}),
        ],
    }


def _lesson(course, spec, assessment) -> str:
    return assessment_lesson_place(
        course, spec, lambda language: _fields(spec, language, assessment)
    )


def seed_assessments_demo(context) -> None:
    """A quiz and a rubric assessment in the demo publishing course."""
    assessor_permissions_grant()
    course = CoursePage.objects.filter(
        slug=COURSE_SLUG, locale__language_code="es"
    ).first()
    if course is None:
        return
    for spec in (QUIZ, RUBRIC):
        assessment, outcome = _assessment(spec, course.sector)
        context.record("assessments", outcome)
        context.record("assessment lessons", _lesson(course, spec, assessment))
