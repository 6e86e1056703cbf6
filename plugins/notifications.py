"""The assessment layer's e-mails, through the outbox (lms.notifications)."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lms.accounts.timezones import user_time_zone
from lms.notifications.models import Notification
from lms.notifications.registry import renderer_register
from lms.notifications.services import notification_record, notifications_dispatch
from lms.public_url import public_url
from plugins.models import Attempt

ATTEMPT_GRADED = "plugins.attempt_graded"


def attempt_graded_key(attempt_id: int) -> str:
    return f"attempt_graded:{attempt_id}"


def attempt_graded_record(attempt) -> None:
    """Record the «attempt graded» e-mail (inside the grading's transaction)
    and queue its sending after commit."""
    notification_record(
        kind=ATTEMPT_GRADED,
        key=attempt_graded_key(attempt.pk),
        recipient=attempt.learner.email,
        payload={"attempt": attempt.pk},
    )
    key = attempt_graded_key(attempt.pk)
    transaction.on_commit(lambda: notifications_dispatch(keys=[key]))


def renderers_register() -> None:
    """Called by ``PluginsConfig.ready``."""
    renderer_register(ATTEMPT_GRADED, attempt_graded_render)


def attempt_graded_render(notification: Notification) -> EmailMessage | None:
    """The verdict and a link, in the learner's language; never the answers."""
    attempt = (
        Attempt.objects.select_related("assessment", "learner", "page")
        .filter(pk=notification.payload["attempt"])
        .first()
    )
    if attempt is None or not attempt.is_graded:
        return None
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
        subject = _("Resultado de «%(title)s»") % {
            "title": attempt.assessment.display_title
        }
    return EmailMessage(subject, body, to=[notification.recipient])
