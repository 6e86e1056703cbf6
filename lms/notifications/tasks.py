"""Celery tasks of the outbox: take ids, never send a row marked sent."""

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError


@shared_task(
    name="notifications.send",
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=5,
    max_retries=8,
)
def send_notifications(notification_ids: list[int]) -> int:
    """Send the pending notifications among ``notification_ids``."""
    from .services import notifications_send

    return notifications_send(ids=notification_ids)


@shared_task(name="notifications.send_pending", acks_late=True)
def send_pending_notifications() -> int:
    """Periodic: send every notification left pending (see services)."""
    from .services import notifications_send_pending

    return notifications_send_pending(
        older_than_seconds=settings.LMS_NOTIFICATIONS_RETRY_AFTER
    )
