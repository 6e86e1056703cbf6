"""Bilingual quizzes embedded at the end of a demo lesson.

A lesson dict of ``courses.demo.content`` may carry ``"quiz"``: the Spanish and
English question banks (the quiz plugin's text syntax) with the attempt rules.
The quiz is one ``Assessment`` with an English version; both language versions
of the lesson embed it. Found by its Spanish title, so seeding twice changes
nothing.
"""

from courses.demo.assessments_english import english_version_apply
from lms.reference.models import Sector
from plugins.models import Assessment
from plugins.registry import get_plugin

QUIZ_OPTIONS = {
    "draw": "0",
    "shuffle_questions": "on",
    "shuffle_options": "on",
    "show_answers": "on",
}


def _data(spec: dict, language: str) -> dict:
    return {"questions": spec[language]["questions"], **QUIZ_OPTIONS}


def quiz_assessment(spec: dict) -> Assessment:
    """The demo quiz described by ``spec``, created when missing, with its
    English version kept in step."""
    assessment = Assessment.objects.filter(
        title=spec["es"]["title"], plugin_id="quiz"
    ).first()
    if assessment is None:
        form = get_plugin("quiz").authoring_form(data=_data(spec, "es"))
        if not form.is_valid():
            raise ValueError(f"demo quiz {spec['es']['title']!r}: {form.errors}")
        assessment = Assessment.objects.create(
            title=spec["es"]["title"],
            plugin_id="quiz",
            config=form.cleaned_data,
            instructions=spec["es"]["instructions"],
            sector=Sector.objects.get(code=spec["sector"]),
            pass_mark=spec["pass_mark"],
            max_attempts=spec["max_attempts"],
            time_limit_minutes=spec["time_limit_minutes"],
        )
    english = {**spec["en"], "data": _data(spec, "en")}
    english_version_apply(assessment, english)
    return assessment


def quiz_blocks(lesson: dict) -> list[tuple[str, dict]]:
    """The assessment block closing ``lesson``, if it has a quiz (raw value)."""
    if "quiz" not in lesson:
        return []
    return [("assessment", {"assessment": quiz_assessment(lesson["quiz"]).pk})]
