"""The demo catalog built by ``manage.py seed_demo``: bilingual pages, real
lessons, roles and working logins. The database is seeded once for the whole
module (inside a transaction rolled back at the end); tests only read it."""

import re
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site

from courses.demo.seeders import DEMO_COURSES, DEMO_PASSWORD, DEMO_USERS
from courses.models import CatalogPage, CoursePage, LessonPage, SectorPage
from lms.reference.models import Sector

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seed_output(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_catalog_is_the_site_root_in_spanish_and_english(seed_output, client):
    site = Site.objects.get(is_default_site=True)
    catalog = site.root_page.specific
    assert isinstance(catalog, CatalogPage)
    assert catalog.locale.language_code == "es"
    assert catalog.get_translation_or_none(Locale.objects.get(language_code="en"))
    plain = ContentType.objects.get_for_model(Page)
    assert not Page.objects.filter(depth=2, content_type=plain).exists()
    for language in ("es", "en"):
        assert (
            SectorPage.objects.live().filter(locale__language_code=language).count()
            == Sector.objects.count()
        )
    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_courses_in_both_languages_publishing_first(seed_output):
    spanish = CoursePage.objects.live().filter(locale__language_code="es")
    assert spanish.count() >= 3
    sectors = [course.sector.code for course in spanish.order_by("sector__priority")]
    assert sectors[0] == "publishing"
    assert {
        "publishing",
        "music",
        "performing-arts",
        "audiovisual",
        "heritage",
    } <= set(sectors)
    for course in spanish:
        english = course.get_translation(Locale.objects.get(language_code="en"))
        assert english.live and english.slug == course.slug
        assert english.title != course.title
        assert course.cover_image is not None and course.countries.exists()
        assert len(course.learning_outcomes) >= 3
    assert Image.objects.filter(title__startswith="Portada: ").count() == len(
        DEMO_COURSES
    )


def test_every_course_has_three_live_lessons_of_real_content(seed_output, client):
    """Each lesson, in each language, has headings, a callout, a practical
    exercise and several paragraphs of text, and renders."""
    for course in CoursePage.objects.live():
        lessons = LessonPage.objects.live().child_of(course)
        assert lessons.count() >= 3, course
        for lesson in lessons:
            kinds = [block.block_type for block in lesson.body]
            callouts = [
                b.value["kind"] for b in lesson.body if b.block_type == "callout"
            ]
            assert "heading" in kinds and kinds.count("paragraph") >= 3, lesson
            assert "practice" in callouts and len(callouts) >= 2, lesson
            words = _text(str(lesson.body.render_as_block())).split()
            assert len(words) >= 350, (lesson, len(words))
            assert "lorem" not in " ".join(words).lower()
            assert client.get(lesson.url).status_code == 200


def test_every_demo_user_logs_in_with_email_and_password(seed_output, client):
    assert DEMO_PASSWORD in seed_output
    for spec in DEMO_USERS:
        assert spec.email in seed_output
        response = client.post(
            "/accounts/login/", {"login": spec.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, spec.username
        assert "/accounts/" not in response["Location"], spec.username
        client.logout()


def test_demo_roles(seed_output, django_user_model):
    users = {user.username: user for user in django_user_model.objects.all()}
    assert users["admin"].is_superuser
    assert users["oficial"].country == "CL"
    assert users["aprendiz"].country == "CL" and users["aprendiz"].national_id
    publishing_lesson = LessonPage.objects.filter(url_path__contains="/edicion/")[0]
    music_lesson = LessonPage.objects.filter(url_path__contains="/musica/")[0]
    trainer = users["formador"]
    assert publishing_lesson.permissions_for_user(trainer).can_edit()
    assert not publishing_lesson.permissions_for_user(trainer).can_publish()
    assert not music_lesson.permissions_for_user(trainer).can_edit()
    assert music_lesson.permissions_for_user(users["revisor"]).can_publish()
    for username in ("evaluador", "oficial", "formador", "revisor"):
        assert users[username].has_perm("wagtailadmin.access_admin")
    assert not users["aprendiz"].has_perm("wagtailadmin.access_admin")
