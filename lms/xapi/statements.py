"""xAPI 1.0.3 statements about learners, sent to an external Learning Record
Store when ``LMS_XAPI_LRS_URL`` is set (off otherwise).

The layers that own the events build statements with :func:`statement` and
hand them to :func:`statement_queue`, which queues ``xapi.send`` (a Celery
task with retries) once the surrounding transaction commits. Nothing here
knows courses or credentials: the receivers that turn their signals into
statements live in ``courses.xapi``, the one layer that sees them all.

* The actor is an account: ``homePage`` is ``LMS_PUBLIC_URL`` and ``name`` a
  stable opaque id (:func:`actor_name`, a UUID derived from the user's
  primary key and the public address), never the e-mail or the username.
* Statement ids are UUIDv5 of the event's own key (:func:`statement_id`), so
  a retried or re-sent statement keeps its id and the LRS stores it once.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lms.public_url import public_base_url

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"

#: Verbs the platform reports, by short name: IRI and display.
VERBS = {
    "launched": ("http://adlnet.gov/expapi/verbs/launched", "inició", "launched"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "completó", "completed"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "aprobó", "passed"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "no aprobó", "failed"),
    # A credential was issued to the learner: the registry verb for earning
    # an award (badge, certificate).
    "certified": ("http://id.tincanapi.com/verb/earned", "obtuvo", "earned"),
}

#: Activity types, by short name.
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "content": "http://adlnet.gov/expapi/activities/media",
    "certificate": "http://id.tincanapi.com/activitytype/certificate",
}


def xapi_enabled() -> bool:
    return bool(getattr(settings, "LMS_XAPI_LRS_URL", ""))


def _namespace() -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{public_base_url()}/xapi")


def actor_name(user) -> str:
    """The learner's stable opaque id in statements."""
    return str(uuid.uuid5(_namespace(), f"actor:{user.pk}"))


def statement_id(*key) -> str:
    """A deterministic statement id for the event named by ``key``."""
    return str(uuid.uuid5(_namespace(), "statement:" + ":".join(map(str, key))))


def activity(path: str, *, kind: str, name: str) -> dict:
    """An activity at ``path`` of the site (an absolute path, or a full URL)."""
    return {
        "objectType": "Activity",
        "id": path if "://" in path else f"{public_base_url()}{path}",
        "definition": {
            "type": ACTIVITY_TYPES[kind],
            "name": {"es": str(name)[:200] or "-"},
        },
    }


def statement(
    *,
    key: tuple,
    user,
    verb: str,
    object: dict,
    result: dict | None = None,
    parent: dict | None = None,
    timestamp: datetime | None = None,
) -> dict:
    iri, spanish, english = VERBS[verb]
    data = {
        "id": statement_id(verb, *key),
        "actor": {
            "objectType": "Agent",
            "account": {"homePage": public_base_url(), "name": actor_name(user)},
        },
        "verb": {"id": iri, "display": {"es": spanish, "en-US": english}},
        "object": object,
        "timestamp": (timestamp or timezone.now()).isoformat(),
        "context": {"platform": "LMS", "language": "es"},
    }
    if result:
        data["result"] = result
    if parent:
        data["context"]["contextActivities"] = {"parent": [parent]}
    return data


def score_result(
    *, percent: float | None, success: bool | None = None, completion=None
) -> dict:
    """An xAPI ``result`` from a percentage (0-100) and a verdict."""
    result = {}
    if percent is not None:
        result["score"] = {"scaled": round(max(-1.0, min(1.0, percent / 100)), 4)}
    if success is not None:
        result["success"] = bool(success)
    if completion is not None:
        result["completion"] = bool(completion)
    return result


def statement_queue(data: dict) -> None:
    """Queue ``data`` for the LRS once the current transaction commits (no-op
    when no LRS is configured). A broker that cannot be reached is logged,
    never raised into the learner's request."""
    if not xapi_enabled():
        return

    def enqueue():
        from lms.xapi.tasks import send

        try:
            send.delay(data)
        except Exception:
            logger.exception("xAPI statement %s not queued", data.get("id"))

    transaction.on_commit(enqueue)
