"""Celery tasks of the assessment framework: take ids, idempotent."""

from celery import shared_task
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.accounts.timezones import user_time_zone
from lms.public_url import public_url


@shared_task(
    acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5
)
def attempt_notify_graded(attempt_id: int) -> None:
    """E-mail the learner that attempt ``attempt_id`` was graded, in their
    language. The e-mail carries the verdict and a link, never the answers."""
    from plugins.models import Attempt

    attempt = (
        Attempt.objects.select_related("assessment", "learner", "page")
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None or not attempt.is_graded or not attempt.learner.email:
        return
    language = getattr(attempt.learner, "preferred_language", "") or "es"
    with (
        translation.override(language),
        timezone.override(user_time_zone(attempt.learner)),
    ):
        link = public_url("/")
        if attempt.page_id:
            _site, _root, path = attempt.page.get_url_parts() or (None, None, "")
            link = public_url(path or "/")
        body = render_to_string(
            "plugins/email/attempt_graded.txt", {"attempt": attempt, "link": link}
        )
        send_mail(
            _("Resultado de «%(title)s»") % {"title": attempt.assessment.title},
            body,
            None,
            [attempt.learner.email],
        )
