"""Writes of the verification layer: the verification log."""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from certification.metrics import verification_count
from certification.models import Credential, VerificationLog
from lms.audit.context import client_address as request_client_address

from .verdicts import Verdict

DEDUPLICATE_SECONDS = 3600


def client_address(request) -> str:
    """The client's address (see ``lms.audit.context.client_address``), or
    "unknown" when the request carries none."""
    return request_client_address(request) or "unknown"


def client_hash(request) -> str:
    """A keyed hash of the client address that changes every day (UTC).

    Good for counting distinct verifiers and for rate limits; it cannot be
    reversed without the secret key, nor linked across days.
    """
    cached = getattr(request, "_verification_client", None)
    if cached is not None:
        return cached
    address = client_address(request)
    day = timezone.now().strftime("%Y-%m-%d")
    key = f"verification-client:{settings.SECRET_KEY}".encode()
    digest = hmac.new(key, f"{day}|{address}".encode(), hashlib.sha256)
    request._verification_client = digest.hexdigest()[:16]
    return request._verification_client


def verification_record(
    *,
    credential: Credential | int | None,
    method: str,
    verdict: Verdict,
    request,
) -> VerificationLog | None:
    """Log one verification of ``credential`` for its holder to see.

    ``credential`` is the record or its primary key. Lookups that found
    nothing are not logged (there is nobody to tell). The
    same client checking the same credential the same way with the same result
    is logged once per ``DEDUPLICATE_SECONDS``: reloading a page (or an HR
    system polling) neither floods the holder's log nor writes a row per hit.
    A HEAD request is neither logged nor counted.
    """
    if getattr(request, "head_only", False):
        return None  # a HEAD request (a link checker, a cache) verified nothing
    result = str(verdict.value if isinstance(verdict, Verdict) else verdict)
    verification_count(method, result)
    if credential is None:
        return None
    pk = credential if isinstance(credential, int) else credential.pk
    client = client_hash(request)
    window = int(time.time()) // DEDUPLICATE_SECONDS
    key = f"verify-log:{pk}:{method}:{result}:{client}:{window}"
    if not cache.add(key, 1, timeout=DEDUPLICATE_SECONDS):
        return None
    return VerificationLog.objects.create(
        credential_id=pk, method=method, result=result, client_hash=client
    )
