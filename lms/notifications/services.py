"""Record notifications with the change they announce; send them once.

Guarantees:

- ``notification_record`` / ``notifications_record`` are called inside the
  transaction of the change: the announcement exists exactly when the change
  does, and recording it twice (a redelivered task) keeps one row.
- ``notifications_send`` claims each pending row under a row lock (``SELECT ...
  FOR UPDATE SKIP LOCKED`` on PostgreSQL: two senders never hold the same row;
  on SQLite the write transaction serialises them), builds and sends the
  message, and marks the row sent in that same transaction. A row marked sent
  is never sent again, whoever runs the sender and however often.
- The only window for a duplicate is between the mail server accepting the
  message and the commit of the mark: a worker killed exactly there leaves the
  row pending, and it is sent again. No sender can close that window (the mail
  server and the database do not share a transaction); it lasts one commit.
- Anything left pending (a worker killed before it dispatched, a mail server
  down) is sent by the periodic ``notifications.send_pending`` task.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Notification
from .registry import renderer_get

logger = logging.getLogger(__name__)

# A row whose sending failed this many times is marked failed and left alone.
MAX_ATTEMPTS = 8
# Only the worker-kill tests set these, to stop a worker at a named point.
TEST_PAUSE_AT_ENV = "LMS_TEST_PAUSE_AT"
TEST_PAUSE_SECONDS_ENV = "LMS_TEST_PAUSE_SECONDS"


def test_pause(point: str) -> None:
    """Sleep at ``point`` when the worker-kill tests ask for it (no-op else)."""
    if os.environ.get(TEST_PAUSE_AT_ENV) == point:
        time.sleep(float(os.environ.get(TEST_PAUSE_SECONDS_ENV) or 60))


def notification_record(
    *, kind: str, key: str, recipient: str, payload: dict | None = None
) -> None:
    """Record one notification (call it inside the change's transaction)."""
    notifications_record(
        items=[
            Notification(kind=kind, key=key, recipient=recipient, payload=payload or {})
        ]
    )


def notifications_record(*, items: list[Notification]) -> None:
    """Record unsaved ``items``; a key already recorded is left as it is."""
    items = [item for item in items if item.recipient]
    if items:
        Notification.objects.bulk_create(items, ignore_conflicts=True)


def notifications_dispatch(*, keys: list[str]) -> list[int]:
    """Queue the sending of the pending notifications among ``keys``.

    Called by a task after its change committed, also when a redelivered task
    finds the change already made: what a killed worker recorded but did not
    send is sent now. Returns the ids queued.
    """
    from .tasks import send_notifications

    ids = list(
        Notification.objects.filter(
            key__in=keys, state=Notification.State.PENDING
        ).values_list("pk", flat=True)
    )
    if ids:
        send_notifications.delay(ids)
    return ids


def notifications_send(*, ids: list[int]) -> int:
    """Send the pending notifications among ``ids``; return how many were sent.

    Failures are counted on the row (and logged) and left for the periodic
    task, so one bad address never blocks the others.
    """
    sent = 0
    for pk in ids:
        sent += notification_send(pk=pk)
    return sent


def notification_send(*, pk: int) -> bool:
    """Claim, send and mark one notification; False when not sent by this call."""
    with transaction.atomic():
        row = (
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, state=Notification.State.PENDING)
            .first()
        )
        if row is None:  # sent, skipped, or being sent by another worker
            return False
        row.attempts += 1
        try:
            message = renderer_get(row.kind)(row)
            if message is not None:
                message.send()
        except Exception as exc:
            logger.exception("notification %s could not be sent", row.key)
            row.last_error = str(exc)[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.state = Notification.State.FAILED
            row.save(update_fields=["attempts", "last_error", "state"])
            return False
        test_pause("notification_sent_unmarked")
        row.state = (
            Notification.State.SENT
            if message is not None
            else Notification.State.SKIPPED
        )
        row.sent_at = timezone.now()
        row.last_error = ""
        row.save(update_fields=["attempts", "last_error", "state", "sent_at"])
    test_pause("notification_sent")
    return message is not None


def notifications_send_pending(*, older_than_seconds: int = 60, limit: int = 500):
    """Send what is left pending for more than ``older_than_seconds`` (the
    periodic task: what a killed worker or a failed mail server left)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    ids = list(
        Notification.objects.filter(
            state=Notification.State.PENDING, created_at__lte=cutoff
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    return notifications_send(ids=ids)
