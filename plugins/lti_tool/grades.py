"""Grades back to the launching platform (LTI Assignment and Grade
Services): a graded attempt on a linked assessment queues one score."""

from __future__ import annotations

from django.db import transaction

from .models import GradeLink, ScorePost


def score_queue(sender, *, attempt, passed: bool, **kwargs) -> None:
    """Receiver of ``plugins.signals.attempt_graded`` (inside the grading
    transaction): one ``ScorePost`` per grade link, sent once committed."""
    from .tasks import score_send

    links = GradeLink.objects.filter(
        user=attempt.learner, assessment=attempt.assessment
    )
    for link in links:
        post = ScorePost.objects.create(
            link=link,
            attempt=attempt,
            score_given=round(attempt.percent or 0.0, 2),
            score_maximum=100.0,
        )
        transaction.on_commit(lambda pk=post.pk: score_send.delay(pk))
