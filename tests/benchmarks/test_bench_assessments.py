"""Assessment benchmarks: grading a 50-question quiz submission, and the
grading queue at 1,000 vs 100,000 pending attempts (ratio of the medians,
target <= 1.5). Figures are printed, never asserted.

Run with ``make bench`` (or ``pytest tests/benchmarks -m bench -s``).
"""

import random
import statistics
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from lms.accounts.identity import rut_check_digit
from plugins import services
from plugins.models import Assessment, Attempt, AttemptStatus
from plugins.registry import get_plugin
from plugins.roles import ASSESSORS_GROUP, assessor_permissions_grant
from tests.factories import UserFactory

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

TARGET_RATIO = 1.5
REPETITIONS = 25
ROUNDS = 5


def fifty_question_bank() -> str:
    blocks = []
    for n in range(50):
        kind = n % 4
        if kind == 0:
            blocks.append(f"? Pregunta {n}\n* correcta {n}\n- falsa {n}\n- otra {n}")
        elif kind == 1:
            blocks.append(f"? Pregunta {n}\n* a {n}\n* b {n}\n- c {n}\n- d {n}")
        elif kind == 2:
            blocks.append(f"? Pregunta {n}\n= verdadero")
        else:
            blocks.append(f"? Pregunta {n}\n~ respuesta {n}\n~ otra respuesta {n}")
    return "\n\n".join(blocks)


def answers(config) -> QueryDict:
    data = QueryDict(mutable=True)
    for question in config["questions"]:
        if question["kind"] == "short":
            data[question["id"]] = question["accepted"][0].upper()
        else:
            data.setlist(question["id"], question["correct"])
    return data


def median_ms(fn, repetitions=REPETITIONS) -> float:
    fn()
    timings = []
    for _ in range(repetitions):
        start = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def test_bench_grade_fifty_question_quiz():
    plugin = get_plugin("quiz")
    form = plugin.authoring_form(
        data={"questions": fifty_question_bank(), "draw": "0", "shuffle_options": "on"}
    )
    assert form.is_valid(), form.errors
    assessment = Assessment.objects.create(
        title="50 preguntas",
        plugin_id="quiz",
        config=form.cleaned_data,
        max_attempts=None,
    )
    config = plugin.prepare(config=assessment.config, rng=random.Random(1))
    data = answers(config)

    def pure():
        response = plugin.clean_response(
            config=config, data=data, files=MultiValueDict()
        )
        return plugin.grade(config=config, response=response)

    learner = UserFactory()

    def full():
        attempt = services.attempt_start(assessment=assessment, learner=learner)
        services.attempt_submit(
            attempt=attempt, data=answers(attempt.presented), files=MultiValueDict()
        )
        assert attempt.status == AttemptStatus.PASSED
        Attempt.objects.filter(pk=attempt.pk).update(
            status=AttemptStatus.NOT_YET_COMPETENT
        )

    assert pure().percent == 100
    pure_ms = median_ms(pure, 200)
    full_ms = median_ms(full, 50)
    print(
        f"\n[assessments] 50-question quiz: validate + grade {pure_ms:.2f} ms per "
        f"submission; start + submit + store + grade (service) {full_ms:.2f} ms"
    )


def bulk_pending(assessments, count: int, *, offset: int) -> None:
    User = get_user_model()
    learners_needed = max(count // (len(assessments) * 50), 1)
    users = [
        User(
            username=f"q{offset}-{n}",
            email=f"q{offset}-{n}@example.org",
            country="PE" if n % 2 else "CL",
            national_id=f"{offset * 10_000 + n + 20_000_000}-"
            f"{rut_check_digit(str(offset * 10_000 + n + 20_000_000))}",
            password="!",
        )
        for n in range(learners_needed)
    ]
    User.objects.bulk_create(users, batch_size=1000)
    users = list(User.objects.filter(username__startswith=f"q{offset}-"))
    now = timezone.now()
    rows = (
        Attempt(
            assessment=assessments[i % len(assessments)],
            learner=users[(i // len(assessments)) % len(users)],
            number=offset + i // (len(assessments) * len(users)) + 1,
            status=AttemptStatus.AWAITING_GRADING,
            submitted_at=now,
            response={"text": "Respuesta"},
        )
        for i in range(count)
    )
    Attempt.objects.bulk_create(rows, batch_size=2000)


def test_bench_grading_queue_1k_vs_100k():
    assessor_permissions_grant()
    assessor = UserFactory(username="bench-assessor")
    assessor.groups.add(Group.objects.get(name=ASSESSORS_GROUP))
    client = Client()
    client.force_login(assessor)
    rubric = get_plugin("rubric").authoring_form(
        data={
            "prompt": "P",
            "rubric": "C: A=0; B=1",
            "max_files": "1",
            "max_file_mb": "1",
        }
    )
    assert rubric.is_valid(), rubric.errors
    assessments = [
        Assessment.objects.create(
            title=f"R{n}", plugin_id="rubric", config=rubric.cleaned_data
        )
        for n in range(20)
    ]

    def render():
        response = client.get("/admin/assessments/queue/")
        assert response.status_code == 200

    def render_filtered():
        response = client.get("/admin/assessments/queue/?country=PE&plugin=rubric")
        assert response.status_code == 200

    bulk_pending(assessments, 1_000, offset=0)
    bulk_pending(assessments, 99_000, offset=100)
    extra = Attempt.objects.filter(number__gt=100)

    def pending(count):
        status = (
            AttemptStatus.AWAITING_GRADING if count > 1_000 else AttemptStatus.PASSED
        )
        extra.update(status=status)
        assert Attempt.objects.pending().count() == count

    # Alternate the two sizes so both see the same machine load: the 99,000
    # extra attempts move between pending and graded with one UPDATE.
    timings = {1_000: [], 100_000: []}
    filtered = {1_000: [], 100_000: []}
    queries = {}
    for _ in range(ROUNDS):
        for count in (1_000, 100_000):
            pending(count)
            timings[count].append(median_ms(render, REPETITIONS // ROUNDS))
            filtered[count].append(median_ms(render_filtered, REPETITIONS // ROUNDS))
            with CaptureQueriesContext(connection) as captured:
                render()
            queries[count] = len(captured)
    small, large = (statistics.median(timings[n]) for n in (1_000, 100_000))
    small_filtered, large_filtered = (
        statistics.median(filtered[n]) for n in (1_000, 100_000)
    )
    ratio = large / small
    filtered_ratio = large_filtered / small_filtered
    print(
        f"\n[assessments] grading queue, first page (100,000 attempts stored): "
        f"1,000 pending {small:.1f} ms, "
        f"100,000 pending {large:.1f} ms, ratio {ratio:.2f} "
        f"(target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'}); "
        f"filtered by country+plugin ratio {filtered_ratio:.2f}; queries "
        f"{queries[1_000]} vs {queries[100_000]}"
    )
