"""The language button keeps the visitor on the same page in the other
language, on every page type, both ways (issue: Spanish to English went to
``/en/en/…`` and answered 404)."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from courses.models import LessonPage

SWITCH = re.compile(
    r'<button type="submit" name="language" value="(?P<code>\w+)"[^>]*?'
    r'formaction="(?P<action>[^"]+)"'
)


def switch(client, path: str, language: str, *, status: int = 200):
    """Open ``path``, press the ``language`` button; return the final response."""
    page = client.get(path)
    assert page.status_code == status, path
    actions = {
        match["code"]: html.unescape(match["action"])
        for match in SWITCH.finditer(page.content.decode())
    }
    assert language in actions, f"no {language} button on {path}"
    response = client.post(actions[language], {"language": language})
    assert response.status_code == 302
    target = response["Location"]
    landed = client.get(target)
    assert landed.status_code == status, f"{path} -> {target}"
    assert client.cookies["django_language"].value == language
    return target, landed


@pytest.fixture
def tree(course, locales):
    """Catalog > sector > course > lesson, every page translated to English."""
    english = locales["en"]
    catalog = course.get_parent().get_parent().specific
    sector = course.get_parent().specific
    lesson = LessonPage.objects.child_of(course).first()
    pages = {"catalog": catalog, "sector": sector, "course": course, "lesson": lesson}
    translated = {}
    for name, page in pages.items():
        copy = page.copy_for_translation(english)
        copy.title = f"{page.title} (EN)"
        copy.save_revision().publish()
        translated[name] = copy
    return pages, translated


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["catalog", "sector", "course", "lesson"])
def test_cms_pages_switch_to_their_translation_both_ways(client, learner, tree, kind):
    client.force_login(learner)
    spanish, english = tree
    spanish_url, english_url = spanish[kind].url, english[kind].url
    assert english_url.startswith("/en/")
    target, landed = switch(client, spanish_url, "en")
    assert target == english_url
    assert english[kind].title in landed.content.decode()
    target, landed = switch(client, english_url, "es")
    assert target == spanish_url


@pytest.mark.django_db
def test_untranslated_page_switches_to_nearest_translated_ancestor(
    client, course, locales
):
    catalog = course.get_parent().get_parent().specific
    english_catalog = catalog.copy_for_translation(locales["en"])
    english_catalog.save_revision().publish()
    target, _landed = switch(client, course.url, "en")
    assert target == english_catalog.url


@pytest.mark.django_db
def test_catalog_search_keeps_its_query(client, tree):
    spanish, english = tree
    target, _landed = switch(client, spanish["catalog"].url + "?q=edici%C3%B3n", "en")
    assert target == english["catalog"].url + "?q=edici%C3%B3n"


VIEWS = [
    ("verification:home", {}),
    # The verdict page; an unknown code answers "not found" with a 404.
    ("verification:detail", {"public_id": "no-such-code-123"}),
    ("courses:dashboard", {}),
    ("certification:record", {}),
    ("credentials:mine", {}),
    ("accounts:profile", {}),
    ("account_email", {}),
    ("account_change_password", {}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), VIEWS)
def test_django_views_switch_both_ways(client, learner, catalog, name, kwargs):
    client.force_login(learner)
    spanish_url = reverse(name, kwargs=kwargs)
    with translation.override("en"):
        english_url = reverse(name, kwargs=kwargs)
    assert english_url == "/en" + spanish_url
    status = 404 if name == "verification:detail" else 200
    target, _landed = switch(client, spanish_url, "en", status=status)
    assert target == english_url
    target, _landed = switch(client, english_url, "es", status=status)
    assert target == spanish_url


@pytest.mark.django_db
def test_login_page_switches_for_anonymous_visitors(client, catalog):
    spanish_url = reverse("account_login")
    target, landed = switch(client, spanish_url + "?next=/learning/", "en")
    assert target == "/en" + spanish_url + "?next=/learning/"
    assert 'lang="en"' in landed.content.decode()


@pytest.mark.django_db
def test_switch_remembers_the_choice_for_a_signed_in_person(client, learner, catalog):
    client.force_login(learner)
    switch(client, reverse("verification:home"), "en")
    learner.refresh_from_db()
    assert learner.preferred_language == "en"


@pytest.mark.django_db
def test_switch_refuses_to_leave_the_site(client, catalog):
    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": "https://elsewhere.example/phish"},
    )
    assert response["Location"] == "/"
