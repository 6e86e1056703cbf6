"""Content shown in another language than the interface is marked with its
language, so that screen readers read it with the right voice."""

from django.utils import translation

from courses.services import enrolment_create
from lms.web.templatetags.lms_tags import lang_attr


def test_lang_attr_marks_only_content_in_another_language(course):
    assert lang_attr(course) == ""  # a Spanish page, Spanish interface
    assert lang_attr(["es", "en"]) == ""
    with translation.override("en"):
        assert lang_attr(course) == ' lang="es"'
        assert lang_attr("es") == ' lang="es"'
        assert lang_attr("en-us") == ""
        assert lang_attr("") == ""


def test_english_dashboard_marks_an_untranslated_spanish_course(
    learner_client, learner, course
):
    enrolment_create(user=learner, course=course)

    english = learner_client.get("/en/learning/").content.decode()
    spanish = learner_client.get("/learning/").content.decode()

    assert '<html lang="en">' in english
    assert '<h2 lang="es"><a href="/edicion/edicion-independiente/">' in english
    assert '<html lang="es">' in spanish
    assert '<h2 lang="es">' not in spanish
