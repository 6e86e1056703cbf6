"""Sending a score: an OAuth 2 access token by client credentials (a JWT
client assertion signed with the tool key), then the AGS score POST."""

from __future__ import annotations

import requests
from celery import shared_task
from django.utils import timezone
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiServiceException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from .models import ScorePost
from .tool_conf import registration_for

#: The platform was unreachable or answered 5xx/429: worth trying again.
TRANSIENT = (requests.ConnectionError, requests.Timeout)


class PlatformBusy(Exception):
    pass


@shared_task(
    acks_late=True,
    autoretry_for=(*TRANSIENT, PlatformBusy),
    max_retries=8,
    retry_backoff=10,
    retry_backoff_max=1800,
    retry_jitter=True,
)
def score_send(post_id: int) -> str:
    post = (
        ScorePost.objects.select_related("link__platform", "attempt")
        .filter(pk=post_id)
        .first()
    )
    if post is None or post.status == ScorePost.Status.SENT:
        return "skipped"
    link = post.link
    connector = ServiceConnector(registration_for(link.platform))
    service = AssignmentsGradesService(
        connector, {"scope": link.scopes, "lineitem": link.lineitem_url}
    )
    attempt = post.attempt
    grade = (
        Grade()
        .set_user_id(link.sub)
        .set_score_given(post.score_given)
        .set_score_maximum(post.score_maximum)
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_timestamp((attempt.graded_at or timezone.now()).isoformat())
    )
    try:
        service.put_grade(grade)
    except LtiServiceException as exc:
        status = exc.response.status_code
        post.error = str(exc)[:2000]
        if status >= 500 or status == 429:
            post.save(update_fields=["error"])
            raise PlatformBusy(post.error) from exc
        post.status = ScorePost.Status.FAILED
        post.save(update_fields=["status", "error"])
        return "failed"
    post.status = ScorePost.Status.SENT
    post.error = ""
    post.sent_at = timezone.now()
    post.save(update_fields=["status", "error", "sent_at"])
    return "sent"
