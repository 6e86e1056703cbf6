"""The demo in English: every course, lesson, quiz and piece of reference data
a person reads under /en/ is in English, the certificate's English line names
the program in English, and the audiovisual and heritage courses exist in both
languages. The database is seeded once for the module (rolled back at the
end); tests only read it, or write inside their own transaction."""

import html
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Locale

from certification.demo.english import PROGRAMS_EN, STANDARDS_EN, UNITS_EN
from certification.issuance.storage import artefact_read
from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    Credential,
    CredentialStatus,
    PerformanceCriterion,
)
from courses.demo.assessments_english import ENGLISH_VERSIONS
from courses.demo.content import audiovisual, heritage
from courses.demo.sectors import SECTOR_PAGES
from courses.demo.seeders import DEMO_COURSES
from courses.models import CoursePage, LessonPage, SectorPage
from plugins.models import Assessment, Attempt
from tests.credentials.test_pdf import pdftotext

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    root = tmp_path_factory.mktemp("demo-english")
    with (
        override_settings(
            LMS_KEY_DIR=root / "keys", PRIVATE_MEDIA_ROOT=root / "private"
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def _visible_text(response) -> str:
    page = response.content.decode()
    page = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<nav class=\"language.*?</nav>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _spanish_demo_texts() -> set[str]:
    """Titles and summaries of every Spanish demo course and lesson, and the
    Spanish titles and instructions of the demo quizzes."""
    texts = set()
    for course in DEMO_COURSES:
        texts |= {course["es"]["title"], course["es"]["summary"]}
        for lesson in course["lessons"]:
            texts |= {lesson["es"]["title"], lesson["es"]["summary"]}
            if "quiz" in lesson:
                quiz = lesson["quiz"]["es"]
                texts |= {quiz["title"], quiz["instructions"]}
    for assessment in Assessment.objects.all():
        texts |= {assessment.title, assessment.instructions}
    return {" ".join(text.split()) for text in texts if text}


def _learner(username):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x"
    )


def test_english_course_and_lesson_pages_show_no_spanish_demo_text(seeded, client):
    spanish = _spanish_demo_texts()
    pages = [
        *CoursePage.objects.live().filter(locale__language_code="en"),
        *LessonPage.objects.live().filter(locale__language_code="en"),
    ]
    assert len(pages) >= 5 + 15
    client.force_login(_learner("lector"))
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        text = _visible_text(response)
        assert page.title in text, page.url
        leaked = [s for s in spanish if s in text]
        assert not leaked, (page.url, leaked)


def test_every_english_course_shows_its_english_title_summary_and_lessons(
    seeded, client
):
    for course in DEMO_COURSES:
        page = CoursePage.objects.get(slug=course["slug"], locale__language_code="en")
        text = _visible_text(client.get(page.url))
        assert course["en"]["title"] in text
        assert " ".join(course["en"]["summary"].split()) in text
        for lesson in course["lessons"]:
            assert lesson["en"]["title"] in text


def _quiz_lesson(module, language: str) -> LessonPage:
    [slug] = [x["slug"] for x in module.COURSE["lessons"] if "quiz" in x]
    return LessonPage.objects.get(slug=slug, locale__language_code=language)


def _start(client, assessment, page) -> Attempt:
    response = client.post(
        f"/{page.locale.language_code}/assessments/{assessment.pk}/start/".replace(
            "/es/", "/"
        ),
        {"page": page.pk, "next": page.url},
    )
    assert response.status_code == 302
    return Attempt.objects.filter(assessment=assessment).latest("pk")


@pytest.mark.parametrize("module", [audiovisual, heritage], ids=lambda m: m.__name__)
def test_a_quiz_started_on_the_english_page_asks_in_english(seeded, client, module):
    quiz = module.QUIZ
    assessment = Assessment.objects.get(title=quiz["es"]["title"])
    english_lesson = _quiz_lesson(module, "en")
    client.force_login(_learner("reader"))
    attempt = _start(client, assessment, english_lesson)
    text = _visible_text(client.get(english_lesson.url))
    assert quiz["en"]["title"] in text
    for question in attempt.presented["questions"]:
        assert question["text"] in quiz["en"]["questions"]
        assert question["text"] in text
    for line in quiz["es"]["questions"].splitlines():
        if line.startswith("? "):
            assert line[2:] not in text


def test_the_same_quiz_started_in_spanish_asks_in_spanish(seeded, client):
    assessment = Assessment.objects.get(title=heritage.QUIZ["es"]["title"])
    spanish_lesson = _quiz_lesson(heritage, "es")
    client.force_login(_learner("lectora"))
    attempt = _start(client, assessment, spanish_lesson)
    texts = [q["text"] for q in attempt.presented["questions"]]
    assert texts and all(t in heritage.QUIZ["es"]["questions"] for t in texts)


def test_an_english_quiz_attempt_is_graded_against_its_own_version(seeded, client):
    """The English answer key grades the English attempt: all correct passes."""
    assessment = Assessment.objects.get(title=audiovisual.QUIZ["es"]["title"])
    lesson = _quiz_lesson(audiovisual, "en")
    client.force_login(_learner("grader-check"))
    attempt = _start(client, assessment, lesson)
    answers = {}
    for question in attempt.presented["questions"]:
        if question["kind"] == "short":
            answers[question["id"]] = question["accepted"][0]
        else:
            answers[question["id"]] = question["correct"]
    response = client.post(
        f"/en/assessments/attempts/{attempt.pk}/submit/", {**answers, "next": "/"}
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == "passed", attempt.result


def test_the_publishing_quiz_and_rubric_have_english_versions(seeded):
    for title, spec in ENGLISH_VERSIONS.items():
        assessment = Assessment.objects.get(title=title)
        assert assessment.title_en == spec["title"]
        assert assessment.config_en and assessment.config_en != assessment.config
    rubric = Assessment.objects.get(
        plugin_id="rubric", title="Plan editorial de un título"
    )
    assert rubric.config_for("en")["rubric"][0]["text"] == "Readership and proposal"
    assert rubric.config_for("es")["rubric"][0]["text"] == "Público y propuesta"


def test_units_and_program_are_shown_in_english_on_the_english_course_page(
    seeded, client
):
    page = CoursePage.objects.get(
        slug="edicion-independiente", locale__language_code="en"
    )
    text = _visible_text(client.get(page.url))
    program = CertificationProgram.objects.get(code="cl-produccion-editorial-demo")
    assert program.title_en in text and program.title not in text
    for unit in CompetencyUnit.objects.filter(standard__code="DEMO-CL-EDI-01"):
        assert unit.title_en in text and unit.title not in text
    spanish = CoursePage.objects.get(
        slug="edicion-independiente", locale__language_code="es"
    )
    text = _visible_text(client.get(spanish.url))
    assert program.title in text and program.title_en not in text


def test_all_demo_reference_data_has_english_text(seeded):
    for program in CertificationProgram.objects.filter(code__in=PROGRAMS_EN):
        assert program.title_en == PROGRAMS_EN[program.code]
        assert program.description_en
    for unit in CompetencyUnit.objects.filter(code__in=UNITS_EN).prefetch_related(
        "criteria", "evidence_requirements"
    ):
        assert unit.title_en
        assert all(c.text_en for c in unit.criteria.all()), unit.code
        assert all(e.description_en for e in unit.evidence_requirements.all())
        assert unit.standard.title_en.endswith(STANDARDS_EN[unit.standard.code])


def test_the_competency_record_names_programs_and_units_in_english(seeded, client):
    client.force_login(get_user_model().objects.get(username="aprendiz"))
    english = _visible_text(client.get("/en/certification/record/"))
    spanish = _visible_text(client.get("/certification/record/"))
    shown = [
        p
        for p in CertificationProgram.objects.all()
        if p.title in spanish and p.title_en
    ]
    assert shown
    for program in shown:
        assert program.title_en in english and program.title not in english


def test_the_certificate_and_verify_page_name_the_program_in_english(
    seeded, client, tmp_path
):
    credential = Credential.objects.get(
        holder__username="aprendiz", program__code="cl-produccion-editorial-demo"
    )
    assert credential.status == CredentialStatus.ACTIVE
    program = credential.program
    assert credential.program_title_en == program.title_en != program.title
    text = " ".join(pdftotext(artefact_read(credential.pdf_file), tmp_path).split())
    assert program.title in text
    assert program.title_en in text
    english = _visible_text(client.get(f"/en/verify/{credential.public_id}/"))
    assert program.title_en in english and program.title not in english
    assert credential.standard_title_en in english
    spanish = _visible_text(client.get(f"/verify/{credential.public_id}/"))
    assert program.title in spanish


def test_audiovisual_and_heritage_courses_exist_in_both_languages(seeded, client):
    english = Locale.objects.get(language_code="en")
    for sector in ("audiovisual", "heritage"):
        sector_page = SectorPage.objects.get(
            sector__code=sector, locale__language_code="es", live=True
        )
        assert sector_page.get_translation(english).title == SECTOR_PAGES[sector][1]
    for module in (audiovisual, heritage):
        course = CoursePage.objects.live().get(
            slug=module.COURSE["slug"], locale__language_code="es"
        )
        assert course.sector.code == module.COURSE["sector"]
        translated = course.get_translation(english)
        assert translated.live and translated.title == module.COURSE["en"]["title"]
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() >= 3
        for lesson in lessons:
            assert lesson.get_translation(english).live
        assert Assessment.objects.get(title=module.QUIZ["es"]["title"]).config_en
        response = client.get(translated.get_parent().url)
        assert module.COURSE["en"]["title"] in _visible_text(response)


def _shape(plugin_id: str, config: dict):
    """What grading depends on, without the words: a quiz's kinds, points and
    the positions of its correct options; a rubric's level points; the
    criteria of the standard judged one by one."""
    if plugin_id == "quiz":
        return [
            (
                q["kind"],
                q["points"],
                [o["id"] in q.get("correct", []) for o in q.get("options", [])],
                q.get("correct") if q["kind"] == "truefalse" else None,
                len(q.get("accepted", [])),
            )
            for q in config["questions"]
        ]
    if plugin_id == "rubric":
        return [[lv["points"] for lv in c["levels"]] for c in config["rubric"]]
    return [c["id"] for c in config["criteria"]]


def _spanish_words(spec) -> list[str]:
    """The Spanish texts of a road assessment a learner reads: title,
    instructions, questions, options, prompt and the plugin's instructions."""
    data = spec["data"]
    words = [spec["title"], spec["instructions"]]
    words += [data[k] for k in ("instructions", "prompt") if k in data]
    for line in data.get("questions", "").splitlines():
        if line[:2] in ("? ", "* ", "- ", "> "):
            words.append(line[2:])
    return [" ".join(w.split()) for w in words]


def test_every_road_assessment_has_a_faithful_english_version(seeded):
    from courses.demo.road import NEW

    for spec in NEW:
        assessment = Assessment.objects.get(
            title=spec["title"], plugin_id=spec["plugin"]
        )
        english = assessment.config_for("en")
        assert assessment.title_en == spec["en"]["title"]
        assert assessment.instructions_en == spec["en"]["instructions"]
        assert assessment.config_en and english != assessment.config, spec["title"]
        assert _shape(spec["plugin"], english) == _shape(
            spec["plugin"], assessment.config
        ), spec["title"]
        for criterion in english.get("criteria", []):
            code, text = criterion["text"].split(" — ", 1)
            pc = PerformanceCriterion.objects.get(pk=criterion["id"][3:])
            assert (code, text) == (pc.code, pc.text_en)
        shown = repr(english)
        leaked = [w for w in _spanish_words(spec) if w in shown]
        assert not leaked, (spec["title"], leaked)


def test_the_road_lessons_read_in_english(seeded, client):
    """Before and after starting each attempt on the English lesson page (the
    plugin's own instructions show once an attempt is open)."""
    from courses.demo.road import NEW

    client.force_login(_learner("road-reader"))
    slugs = {spec["slug"] for spec in NEW if spec["course"]}
    lessons = LessonPage.objects.live().filter(
        slug__in=slugs, locale__language_code="en"
    )
    assert lessons.count() == len(slugs) == 3
    for lesson in lessons:
        here = [spec for spec in NEW if spec.get("slug") == lesson.slug]
        spanish = [w for spec in here for w in _spanish_words(spec)]
        text = _visible_text(client.get(lesson.url))
        assert all(spec["en"]["title"] in text for spec in here), lesson.url
        assert not [w for w in spanish if w in text], lesson.url
        for spec in here:
            _start(client, Assessment.objects.get(title=spec["title"]), lesson)
        text = _visible_text(client.get(lesson.url))
        for spec in here:
            if "instructions" in spec["en"]["data"]:
                assert " ".join(spec["en"]["data"]["instructions"].split()) in text
        leaked = [w for w in spanish if w in text]
        assert not leaked, (lesson.url, leaked)


def test_the_prior_learning_assessments_read_in_english_on_their_own_page(
    seeded, client
):
    from courses.demo.road import NEW

    client.force_login(_learner("candidate-en"))
    prior = [spec for spec in NEW if spec["course"] is None]
    assert len(prior) == 3
    for spec in prior:
        assessment = Assessment.objects.get(title=spec["title"])
        url = f"/en/assessments/{assessment.pk}/"
        text = _visible_text(client.get(url))
        assert spec["en"]["title"] in text
        assert " ".join(spec["en"]["instructions"].split()) in text
        leaked = [w for w in _spanish_words(spec) if w in text]
        assert not leaked, (url, leaked)
        spanish = _visible_text(client.get(f"/assessments/{assessment.pk}/"))
        assert spec["title"] in spanish and spec["en"]["title"] not in spanish


def test_a_road_quiz_taken_on_its_own_english_page_asks_and_grades_in_english(
    seeded, client
):
    from courses.demo.road import NEW

    [spec] = [s for s in NEW if s["course"] is None and s["plugin"] == "quiz"]
    assessment = Assessment.objects.get(title=spec["title"])
    client.force_login(_learner("candidate-quiz"))
    response = client.post(
        f"/en/assessments/{assessment.pk}/start/",
        {"next": f"/en/assessments/{assessment.pk}/"},
    )
    assert response.status_code == 302
    attempt = Attempt.objects.filter(assessment=assessment).latest("pk")
    text = _visible_text(client.get(f"/en/assessments/{assessment.pk}/"))
    answers = {}
    for question in attempt.presented["questions"]:
        assert question["text"] in spec["en"]["data"]["questions"]
        assert question["text"] in text
        answers[question["id"]] = question["correct"]
    response = client.post(
        f"/en/assessments/attempts/{attempt.pk}/submit/", {**answers, "next": "/"}
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == "passed", attempt.result
