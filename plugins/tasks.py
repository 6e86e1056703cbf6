"""Celery tasks of the assessment framework: take ids, idempotent."""

from celery import shared_task
from django.db import transaction


@shared_task(acks_late=True)
def attempt_notify_graded(attempt_id: int) -> None:
    """E-mail the learner that attempt ``attempt_id`` was graded, once (tasks
    queued before the outbox existed end here; see plugins.notifications)."""
    from plugins.models import Attempt
    from plugins.notifications import attempt_graded_record

    attempt = Attempt.objects.select_related("learner").filter(pk=attempt_id).first()
    if attempt is None or not attempt.is_graded:
        return
    with transaction.atomic():
        attempt_graded_record(attempt)
