"""Celery task posting one statement to the LRS (xAPI 1.0.3, Basic auth)."""

from __future__ import annotations

import base64
import json
import logging
import urllib.error
import urllib.request

from celery import shared_task
from django.conf import settings

from lms.xapi.statements import XAPI_VERSION

logger = logging.getLogger(__name__)


class LRSUnavailable(Exception):
    """The LRS did not answer, or answered with a server error: retry."""


def statements_url() -> str:
    return settings.LMS_XAPI_LRS_URL.rstrip("/") + "/statements"


@shared_task(name="xapi.send", bind=True, acks_late=True, max_retries=10)
def send(self, statement: dict) -> str:
    """POST ``statement``; ``"stored"``, ``"duplicate"`` (the LRS already has
    its id: a retry after a lost answer), ``"refused"`` (the LRS rejected it:
    logged, not retried) or ``"off"`` (no LRS configured). An LRS that is
    down or answers 5xx/429 is retried with backoff (10 s doubling, at most an
    hour apart); run in-process (no broker) it is logged, not retried."""
    try:
        return _post(statement)
    except LRSUnavailable as exc:
        if self.request.is_eager:
            logger.warning("xAPI statement %s not sent: %s", statement.get("id"), exc)
            return "unavailable"
        raise self.retry(
            exc=exc, countdown=min(3600, 10 * 2**self.request.retries)
        ) from None


def _post(statement: dict) -> str:
    if not getattr(settings, "LMS_XAPI_LRS_URL", ""):
        return "off"
    credentials = (
        f"{settings.LMS_XAPI_LRS_USERNAME}:{settings.LMS_XAPI_LRS_PASSWORD}"
    ).encode()
    request = urllib.request.Request(
        statements_url(),
        data=json.dumps(statement).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": "Basic " + base64.b64encode(credentials).decode(),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
        return "stored"
    except urllib.error.HTTPError as error:
        body = error.read()[:500].decode(errors="replace")
        if error.code == 409:
            return "duplicate"
        if error.code >= 500 or error.code == 429:
            raise LRSUnavailable(f"LRS answered {error.code}: {body}") from None
        logger.error(
            "LRS refused xAPI statement %s (%s): %s",
            statement.get("id"),
            error.code,
            body,
        )
        return "refused"
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        raise LRSUnavailable(f"LRS unreachable: {error}") from None
