"""The grading queue costs a fixed number of queries, whatever the number of
pending attempts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plugins.models import Attempt, AttemptStatus
from tests.factories import UserFactory

MAX_QUEUE_QUERIES = 17  # one for the «Informes» menu entry


def add_pending(assessment, count, *, page=None):
    learners = [UserFactory(country="PE") for _ in range(count)]
    Attempt.objects.bulk_create(
        Attempt(
            assessment=assessment,
            learner=learner,
            page=page,
            status=AttemptStatus.AWAITING_GRADING,
            submitted_at=timezone.now(),
        )
        for learner in learners
    )


def queue_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/assessments/queue/")
    assert response.status_code == 200
    return len(queries)


def test_queue_query_count_does_not_grow_with_attempts(
    assessor_client, rubric, rubric_lesson
):
    add_pending(rubric, 3, page=rubric_lesson)
    few = queue_queries(assessor_client)
    add_pending(rubric, 30, page=rubric_lesson)
    many = queue_queries(assessor_client)
    assert few == many
    assert many <= MAX_QUEUE_QUERIES
