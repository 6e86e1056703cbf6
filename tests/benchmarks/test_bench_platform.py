"""Render time of the learner-facing pages as the catalog grows.

Each scenario renders a page at a small and a large size, interleaving the
repetitions (small, large, small, large, ...) so both sides see the same
machine load, and reports the ratio of the medians. Target: ratio <= 1.5.
Figures are printed, never asserted.

Run with ``make bench`` (or ``pytest tests/benchmarks -m bench -s``).
"""

import statistics
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Enrolment, LessonCompletion, LessonPage
from lms.accounts.identity import rut_check_digit
from tests.conftest import make_course
from tests.factories import UserFactory

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

REPETITIONS = 25
WARM_UP = 3
TARGET_RATIO = 1.5


def bulk_learners(count: int, *, start: int) -> list:
    """``count`` learners inserted in bulk (unusable passwords, Chilean RUTs)."""
    User = get_user_model()
    users = [
        User(
            username=f"bulk{number}",
            email=f"bulk{number}@example.org",
            legal_name=f"Participante {number}",
            country="CL",
            national_id=f"{number}-{rut_check_digit(str(number))}",
            password="!",
        )
        for number in range(start, start + count)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    return list(User.objects.filter(username__startswith="bulk").order_by("pk"))[
        -count:
    ]


def fill_enrolments(course, users) -> None:
    """Enrol ``users`` in ``course`` with its first lesson completed, in bulk."""
    first = LessonPage.objects.child_of(course).first()
    Enrolment.objects.bulk_create(
        (Enrolment(user=user, course=course, last_lesson=first) for user in users),
        batch_size=1000,
    )
    LessonCompletion.objects.bulk_create(
        (LessonCompletion(user=user, course=course, lesson=first) for user in users),
        batch_size=1000,
    )


def learner_in(*courses, username: str) -> Client:
    """A logged-in client for a new learner enrolled in ``courses`` with the
    first lesson of each completed."""
    user = UserFactory(username=username)
    for course in courses:
        services.enrolment_create(user=user, course=course)
        services.lesson_complete(
            user=user, lesson=LessonPage.objects.child_of(course).first()
        )
    client = Client()
    client.force_login(user)
    return client


def timed_get(client: Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, url
    return elapsed


def compare(small: tuple[Client, str], large: tuple[Client, str]) -> tuple:
    """Median seconds of ``small`` and ``large`` GETs, interleaved."""
    for _ in range(WARM_UP):
        timed_get(*small)
        timed_get(*large)
    small_times, large_times = [], []
    for _ in range(REPETITIONS):
        small_times.append(timed_get(*small))
        large_times.append(timed_get(*large))
    return statistics.median(small_times), statistics.median(large_times)


@pytest.fixture
def lesson_scenarios(sector_page):
    """Courses of 10 and 200 lessons, one learner enrolled in both."""
    ten = make_course(sector_page, title="Diez lecciones", slug="diez", lessons=10)
    many = make_course(
        sector_page, title="Doscientas lecciones", slug="doscientas", lessons=200
    )
    client = learner_in(ten, many, username="lector")
    ten_lesson = LessonPage.objects.child_of(ten).get(slug="leccion-5")
    many_lesson = LessonPage.objects.child_of(many).get(slug="leccion-100")
    return [
        ("Página de curso", "10", "200 lecciones", client, ten.url, many.url),
        (
            "Página de lección",
            "10",
            "200 lecciones",
            client,
            ten_lesson.url,
            many_lesson.url,
        ),
    ]


@pytest.fixture
def enrolment_scenarios(sector_page):
    """Two 10-lesson courses with 10 and 10,000 enrolments (each with one
    completed lesson); one learner in each course to view them."""
    quiet = make_course(
        sector_page, title="Curso tranquilo", slug="tranquilo", lessons=10
    )
    busy = make_course(
        sector_page, title="Curso concurrido", slug="concurrido", lessons=10
    )
    quiet_client = learner_in(quiet, username="en-tranquilo")
    busy_client = learner_in(busy, username="en-concurrido")
    fill_enrolments(quiet, bulk_learners(9, start=20_000_000))
    fill_enrolments(busy, bulk_learners(9_999, start=30_000_000))
    assert Enrolment.objects.filter(course=quiet).count() == 10
    assert Enrolment.objects.filter(course=busy).count() == 10_000
    dashboard = reverse("courses:dashboard")
    return (
        [
            (
                "Mi aprendizaje",
                "10",
                "10.000 inscripciones",
                None,
                dashboard,
                dashboard,
            ),
            (
                "Página de curso",
                "10",
                "10.000 inscripciones",
                None,
                quiet.url,
                busy.url,
            ),
        ],
        quiet_client,
        busy_client,
    )


def print_table(rows) -> None:
    print()
    header = f"{'Escenario':<44} {'pequeño ms':>10} {'grande ms':>10} {'razón':>7}"
    print(header)
    print("-" * len(header))
    for name, small, large in rows:
        ratio = large / small
        verdict = "ok" if ratio <= TARGET_RATIO else f"> {TARGET_RATIO}"
        print(
            f"{name:<44} {small * 1000:>10.2f} {large * 1000:>10.2f} "
            f"{ratio:>7.2f}  {verdict}"
        )


def test_bench_render_time_at_10_vs_200_lessons_and_10_vs_10000_enrolments(
    lesson_scenarios, enrolment_scenarios
):
    """Prints the median render time of each page at both sizes and the ratio."""
    rows = []
    for (
        name,
        small_label,
        large_label,
        client,
        small_url,
        large_url,
    ) in lesson_scenarios:
        small, large = compare((client, small_url), (client, large_url))
        rows.append((f"{name} ({small_label} vs {large_label})", small, large))
    scenarios, quiet_client, busy_client = enrolment_scenarios
    for name, small_label, large_label, _, small_url, large_url in scenarios:
        small, large = compare((quiet_client, small_url), (busy_client, large_url))
        rows.append((f"{name} ({small_label} vs {large_label})", small, large))
    print_table(rows)
