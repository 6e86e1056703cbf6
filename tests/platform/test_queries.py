"""The course page, the lesson page and the learner dashboard run a number of
queries that does not grow with the number of lessons, enrolments or courses.

Each test renders the same view at a small and a large size side by side (after
one warm-up request that fills Wagtail's per-process caches) and asserts the
query counts are equal, and under a fixed ceiling.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonPage
from tests.conftest import make_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Generous ceilings: they catch a regression to one query per row, not a new
# fixed query or two.
# The course page also finds the page in the other language for the switcher,
# marks content in another language and lists what the course counts toward.
COURSE_PAGE_CEILING = 28
LESSON_PAGE_CEILING = 25
DASHBOARD_CEILING = 20


def count_queries(client, url: str) -> int:
    """Queries run by one GET of ``url`` (which must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def enrol_and_complete_first(user, course) -> None:
    services.enrolment_create(user=user, course=course)
    first = LessonPage.objects.child_of(course).first()
    services.lesson_complete(user=user, lesson=first)


def other_learners_enrolled(course, how_many: int) -> None:
    users = UserFactory.create_batch(how_many, verified=False)
    Enrolment.objects.bulk_create(Enrolment(user=u, course=course) for u in users)


@pytest.fixture
def small_and_large_courses(sector_page, learner):
    """Two courses the learner is enrolled in, 2 and 40 lessons, one completed
    in each; the large one also has 30 other learners enrolled."""
    small = make_course(sector_page, title="Curso corto", slug="corto", lessons=2)
    large = make_course(sector_page, title="Curso largo", slug="largo", lessons=40)
    for course in (small, large):
        enrol_and_complete_first(learner, course)
    other_learners_enrolled(large, 30)
    return small, large


@pytest.mark.parametrize("logged_in", [True, False], ids=["learner", "anonymous"])
def test_course_page_queries_do_not_grow_with_lessons_or_enrolments(
    client, learner, small_and_large_courses, logged_in
):
    """A course with 40 lessons and 31 enrolments renders in exactly as many
    queries as one with 2 lessons and 1 enrolment."""
    small, large = small_and_large_courses
    if logged_in:
        client.force_login(learner)
    client.get(small.url)  # warm-up
    small_count = count_queries(client, small.url)
    large_count = count_queries(client, large.url)
    assert large_count == small_count
    assert large_count <= COURSE_PAGE_CEILING


@pytest.mark.parametrize("logged_in", [True, False], ids=["learner", "anonymous"])
def test_lesson_page_queries_do_not_grow_with_lessons_or_enrolments(
    client, learner, small_and_large_courses, logged_in
):
    """The lesson page (with its course outline and previous/next links) runs
    the same queries in a 40-lesson course as in a 2-lesson one."""
    small, large = small_and_large_courses
    if logged_in:
        client.force_login(learner)
    small_lesson = LessonPage.objects.child_of(small).last()
    large_lesson = LessonPage.objects.child_of(large).get(slug="leccion-20")
    client.get(small_lesson.url)  # warm-up
    small_count = count_queries(client, small_lesson.url)
    large_count = count_queries(client, large_lesson.url)
    assert large_count == small_count
    assert large_count <= LESSON_PAGE_CEILING


def test_dashboard_queries_do_not_grow_with_courses_lessons_or_enrolments(
    client, sector_page
):
    """A learner enrolled in 8 courses of 12 lessons (with progress in each,
    among many other learners' enrolments) gets the dashboard in as many
    queries as one enrolled in a single 2-lesson course."""
    light, heavy = UserFactory(username="light"), UserFactory(username="heavy")
    short = make_course(sector_page, title="Curso corto", slug="corto", lessons=2)
    enrol_and_complete_first(light, short)
    for number in range(8):
        course = make_course(
            sector_page, title=f"Curso {number}", slug=f"curso-{number}", lessons=12
        )
        enrol_and_complete_first(heavy, course)
        other_learners_enrolled(course, 5)
    url = reverse("courses:dashboard")

    client.force_login(light)
    client.get(url)  # warm-up
    light_count = count_queries(client, url)
    client.force_login(heavy)
    heavy_count = count_queries(client, url)
    response = client.get(url)
    assert response.content.decode().count('class="card dashboard-row"') == 8
    assert heavy_count == light_count
    assert heavy_count <= DASHBOARD_CEILING
