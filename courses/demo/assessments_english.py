# ruff: noqa: E501
"""English versions of the demo assessments (title, instructions and the
plugin's content), found by their Spanish title and filled in only where they
differ, so seeding twice changes nothing. English lesson pages embed the same
assessment; attempts started there use this version (see
``plugins.models.Assessment.config_for``)."""

from plugins.models import Assessment
from plugins.registry import get_plugin

# Spanish title -> the English version, written in the plugin's own syntax.
ENGLISH_VERSIONS = {
    "Cuestionario: ISBN, depósito legal y metadatos": {
        "title": "Quiz: ISBN, legal deposit and metadata",
        "instructions": "Answer the questions. You will see your results when you submit.",
        "data": {
            "questions": (
                "? What does an ISBN identify?\n"
                "* One specific edition of a book\n"
                "- The author\n"
                "- The printer\n"
                "> Each edition and format (print, EPUB) carries its own ISBN.\n\n"
                "? Which formats are e-books?\n"
                "* EPUB\n"
                "* Accessible PDF\n"
                "- TIFF\n"
                "> EPUB is the open standard; a PDF must be accessible.\n\n"
                "? Legal deposit preserves the country's bibliographic memory.\n"
                "= true\n\n"
                "? What acronym names the standard for exchanging book metadata?\n"
                "~ ONIX\n"
                "~ ONIX for Books\n"
                "> ONIX is the exchange standard for book metadata.\n\n"
                "? The same ISBN may be reused for a new corrected edition.\n"
                "= false\n"
                "> A new edition needs a new ISBN."
            ),
            "draw": "0",
            "shuffle_questions": "on",
            "shuffle_options": "on",
            "show_answers": "on",
        },
    },
    "Plan editorial de un título": {
        "title": "Publishing plan for one title",
        "instructions": "An assessor will review your plan and write to you.",
        "data": {
            "prompt": (
                "Present the publishing plan for a title you want to publish: "
                "readership, format, print run, costs and distribution channels."
            ),
            "rubric": (
                "Readership and proposal: Beginning=0; Developing=2; Achieved=4\n"
                "Costs and print run: Beginning=0; Developing=2; Achieved=4\n"
                "Distribution: Beginning=0; Developing=1; Achieved=2"
            ),
            "allow_files": "on",
            "max_files": "3",
            "max_file_mb": "20",
        },
    },
}


def english_version_apply(assessment: Assessment, spec: dict) -> bool:
    """Give ``assessment`` the English version ``spec`` (title, instructions,
    ``data`` for the plugin's authoring form); returns whether it changed."""
    form = get_plugin(assessment.plugin_id).authoring_form(data=spec["data"])
    if not form.is_valid():
        raise ValueError(
            f"English demo {assessment.plugin_id} is invalid: {form.errors}"
        )
    values = {
        "title_en": spec["title"],
        "instructions_en": spec["instructions"],
        "config_en": form.cleaned_data,
    }
    if all(getattr(assessment, name) == value for name, value in values.items()):
        return False
    for name, value in values.items():
        setattr(assessment, name, value)
    assessment.save(update_fields=[*values, "updated_at"])
    return True


def seed_assessments_english(context) -> None:
    """English versions for the demo assessments that exist."""
    for title, spec in ENGLISH_VERSIONS.items():
        for assessment in Assessment.objects.filter(title=title):
            changed = english_version_apply(assessment, spec)
            context.record(
                "assessment translations", "updated" if changed else "unchanged"
            )
