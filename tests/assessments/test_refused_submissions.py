"""A submission the learner can put right comes back as the lesson with its
form, the reasons in words and what was typed; one the form could not have
produced (tampering) still answers 400. Nothing is stored either way."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from lxml import html as lxml_html

from courses.services import enrolment_create
from plugins.base import (
    FIXABLE,
    AssessmentPlugin,
    FixableError,
    fixable_errors,
    render_inputs,
)
from plugins.models import AttemptStatus
from plugins.uploads import accept_attribute, describe_formats, format_names
from tests.assessments.conftest import (
    assert_nothing_recorded,
    author,
    embed,
    start,
    submit,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
PORTFOLIO_DATA = {
    "instructions": "Reúna grabaciones de su trabajo.",
    "extra_criteria": "Afina\nRespira",
    "max_items": "2",
    "max_file_mb": "1",
}


pytestmark = pytest.mark.usefixtures("private_root")


def form_of(response, attempt):
    """The assessment form of ``attempt`` in the page answered."""
    tree = lxml_html.fromstring(response.content.decode())
    forms = tree.xpath(f'//form[@action="/assessments/attempts/{attempt.pk}/submit/"]')
    assert len(forms) == 1, "the form is shown again"
    return forms[0]


def test_a_file_of_another_format_brings_the_lesson_back_with_the_text(
    learner_client, rubric, rubric_lesson
):
    attempt = start(learner_client, rubric, rubric_lesson)
    program = SimpleUploadedFile("plan.pdf", EXE, "application/pdf")
    response = submit(
        learner_client,
        attempt,
        {
            "text": "Mi plan: poesía joven <b>y</b> crónica",
            "files": [program],
            "next": f"{rubric_lesson.url}#assessment-{rubric.pk}",
        },
    )
    assert response.status_code == 200
    assert "Antes de la evaluación." in response.content.decode()  # the lesson
    form = form_of(response, attempt)
    summary = form.xpath('.//*[@role="alert"]')[0]
    assert summary.get("autofocus") is not None
    reasons = summary.text_content()
    assert "«plan.pdf» no tiene un formato admitido." in reasons
    assert "Formatos permitidos: PDF, JPG, PNG, MP4, MP3, DOCX" in reasons
    assert "application/" not in reasons
    assert "vuelva a elegir" in reasons
    textarea = form.xpath('.//textarea[@name="text"]')[0]
    assert textarea.text == "Mi plan: poesía joven <b>y</b> crónica"
    files_errors = form.xpath('.//*[@id="rubric-files-errors"]')[0].text_content()
    assert "«plan.pdf» no tiene un formato admitido" in files_errors
    assert "Vuelva a elegir los archivos" in form.text_content()
    assert form.xpath('.//input[@name="next"]')[0].get("value") == (
        f"{rubric_lesson.url}#assessment-{rubric.pk}"
    )
    assert_nothing_recorded(attempt)

    # Chosen again, a PDF goes through with the same attempt.
    good = SimpleUploadedFile("plan.pdf", PDF, "application/pdf")
    again = submit(learner_client, attempt, {"text": "Mi plan", "files": [good]})
    assert again.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.AWAITING_GRADING
    assert attempt.files.count() == 1


def test_an_empty_answer_is_shown_next_to_the_field(
    learner_client, rubric, rubric_lesson
):
    attempt = start(learner_client, rubric, rubric_lesson)
    response = submit(learner_client, attempt, {"text": "   "})
    assert response.status_code == 200
    form = form_of(response, attempt)
    textarea = form.xpath('.//textarea[@name="text"]')[0]
    assert textarea.get("aria-invalid") == "true"
    described = form.xpath(f'.//*[@id="{textarea.get("aria-describedby")}"]')[0]
    assert "Escriba su respuesta antes de enviarla." in described.text_content()
    assert "vuelva a elegir" not in form.text_content()  # no files were chosen
    assert_nothing_recorded(attempt)


def test_too_many_files_are_the_learners_to_fix(learner_client, rubric, rubric_lesson):
    attempt = start(learner_client, rubric, rubric_lesson)
    files = [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(3)]
    response = submit(learner_client, attempt, {"text": "Mi plan", "files": files})
    assert response.status_code == 200
    assert (
        "Puede adjuntar hasta 2 archivos." in form_of(response, attempt).text_content()
    )
    assert_nothing_recorded(attempt)


@pytest.fixture
def portfolio_lesson(course, learner):
    enrolment_create(user=learner, course=course)
    portfolio = author("portfolio", PORTFOLIO_DATA, title="Portafolio")
    return portfolio, embed(course, portfolio, slug="portafolio")


def test_portfolio_keeps_links_notes_and_criteria(learner_client, portfolio_lesson):
    portfolio, lesson = portfolio_lesson
    attempt = start(learner_client, portfolio, lesson)
    first, second = (c["id"] for c in attempt.presented["criteria"])
    response = submit(
        learner_client,
        attempt,
        {
            "item-1-link": "no es un enlace",
            "item-1-note": "Ensayo en la sala",
            "item-1-criteria": [second],
            "item-2-note": "Grabación del estreno",
            "item-2-file": SimpleUploadedFile("estreno.mp4", b"texto plano"),
            "item-2-criteria": [first],
        },
    )
    assert response.status_code == 200
    form = form_of(response, attempt)
    assert form.xpath('.//input[@name="item-1-link"]')[0].get("value") == (
        "no es un enlace"
    )
    assert form.xpath('.//input[@name="item-1-note"]')[0].get("value") == (
        "Ensayo en la sala"
    )
    checked = form.xpath('.//input[@name="item-1-criteria"][@checked]')
    assert [box.get("value") for box in checked] == [second]
    first_slot = form.xpath('.//*[@id="item-1-errors"]')[0].text_content()
    assert "La evidencia 1 tiene un enlace no válido." in first_slot
    assert "Si había elegido un archivo, vuelva a elegirlo" in form.text_content()
    assert_nothing_recorded(attempt)

    # A good link: now the file of the second item is the one refused, in words.
    response = submit(
        learner_client,
        attempt,
        {
            "item-1-link": "https://video.example/ensayo",
            "item-1-criteria": [second],
            "item-2-file": SimpleUploadedFile("estreno.mp4", b"texto plano"),
            "item-2-criteria": [first],
        },
    )
    assert response.status_code == 200
    second_slot = form_of(response, attempt).xpath('.//*[@id="item-2-errors"]')[0]
    assert (
        "«estreno.mp4» no tiene un formato admitido. "
        "Formatos permitidos: PDF, JPG, PNG, MP4, MP3."
    ) in second_slot.text_content()
    assert_nothing_recorded(attempt)


def test_tampering_still_answers_400(learner_client, rubric, rubric_lesson):
    attempt = start(learner_client, rubric, rubric_lesson)
    response = submit(learner_client, attempt, {"text": "", "score": "10"})
    assert response.status_code == 400
    assert "Campos desconocidos en el envío: score." in response.content.decode()
    assert_nothing_recorded(attempt)


def test_a_forged_criterion_answers_400(learner_client, portfolio_lesson):
    portfolio, lesson = portfolio_lesson
    attempt = start(learner_client, portfolio, lesson)
    response = submit(
        learner_client,
        attempt,
        {"item-1-link": "no es un enlace", "item-1-criteria": ["pc:999999"]},
    )
    assert response.status_code == 400
    assert_nothing_recorded(attempt)


def test_without_its_page_the_form_comes_back_on_a_page_of_its_own(
    learner_client, rubric, rubric_lesson
):
    attempt = start(learner_client, rubric, rubric_lesson)
    rubric_lesson.unpublish()
    response = submit(learner_client, attempt, {"text": ""})
    assert response.status_code == 200
    form = form_of(response, attempt)
    assert "Escriba su respuesta antes de enviarla." in form.text_content()
    assert "Antes de la evaluación." not in response.content.decode()
    assert_nothing_recorded(attempt)


def test_a_page_that_does_not_embed_the_assessment_is_not_shown_for_it(
    learner_client, course, rubric, rubric_lesson
):
    attempt = start(learner_client, rubric, course)  # started "from" the course
    response = submit(learner_client, attempt, {"text": ""})
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content.decode())
    assert "Escriba su respuesta" in form_of(response, attempt).text_content()
    back = tree.xpath(f'//a[@href="{course.url}"]')
    assert [a.text_content() for a in back] == [f"Volver a «{course.title}»"]
    assert_nothing_recorded(attempt)


def test_a_link_to_the_submit_address_leads_back_to_the_lesson(
    learner_client, rubric, rubric_lesson
):
    attempt = start(learner_client, rubric, rubric_lesson)
    response = learner_client.get(f"/assessments/attempts/{attempt.pk}/submit/")
    assert response.status_code == 302
    assert response["Location"] == f"{rubric_lesson.url}#assessment-{rubric.pk}"


# --- the contract pieces ---------------------------------------------------


def test_fixable_errors_tells_the_learners_mistakes_from_tampering():
    assert fixable_errors(ValidationError("Campo desconocido")) is None
    assert (
        fixable_errors(
            ValidationError({"a": ValidationError("x", code=FIXABLE), "b": "y"})
        )
        is None
    )
    assert fixable_errors(ValidationError("Corrija", code=FIXABLE)) == {
        NON_FIELD_ERRORS: ["Corrija"]
    }
    error = FixableError({"text": "Escriba", "files": ["Uno", "Dos"], None: "Todo"})
    assert fixable_errors(error) == {
        "text": ["Escriba"],
        "files": ["Uno", "Dos"],
        NON_FIELD_ERRORS: ["Todo"],
    }
    assert FixableError("Falta", field="text").errors == {"text": ["Falta"]}
    assert isinstance(error, ValidationError)


class _Old(AssessmentPlugin):
    """A plugin written before ``render`` took ``data`` and ``errors``."""

    id = "old"
    name = "Old"
    authoring_form = clean_response = grade = grading_form = None

    def render(self, *, config):
        return f"old:{config['x']}"


class _Open(_Old):
    def render(self, *, config, **kwargs):
        return f"open:{sorted(kwargs)}"


class _New(_Old):
    def render(self, *, config, data=None, errors=None):
        return f"new:{data.get('a') if data else None}:{errors}"


def test_render_inputs_passes_data_only_to_plugins_that_take_it():
    data, errors = QueryDict("a=1"), {"a": ["m"]}
    assert render_inputs(_Old(), config={"x": 1}, data=data, errors=errors) == "old:1"
    assert render_inputs(_Open(), config={}, data=data, errors=errors) == (
        "open:['data', 'errors']"
    )
    assert render_inputs(_New(), config={}, data=data, errors=errors) == (
        "new:1:{'a': ['m']}"
    )
    assert render_inputs(_New(), config={}) == "new:None:None"


def test_formats_are_named_for_people():
    assert describe_formats(("application/pdf", "image/", "audio/", "video/")) == (
        "PDF, JPG, PNG, MP4, MP3"
    )
    assert describe_formats(("image/", "audio/", "video/", "application/pdf")) == (
        "PDF, JPG, PNG, MP4, MP3"
    )
    assert format_names(("application/zip",)) == ["ZIP"]
    assert format_names(("application/epub",)) == ["EPUB"]
    assert format_names(("model/",)) == ["MODEL"]
    assert accept_attribute(("application/pdf", "image/")) == ".pdf,image/*"
