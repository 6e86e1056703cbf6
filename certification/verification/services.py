"""Writes of the verification layer: the verification log."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from certification.models import Credential, VerificationLog

from .verdicts import Verdict


def client_hash(request) -> str:
    """A keyed hash of the client address that changes every day (UTC).

    Good for counting distinct verifiers and for rate limits; it cannot be
    reversed without the secret key, nor linked across days.
    """
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    day = timezone.now().strftime("%Y-%m-%d")
    key = f"verification-client:{settings.SECRET_KEY}".encode()
    digest = hmac.new(key, f"{day}|{address}".encode(), hashlib.sha256)
    return digest.hexdigest()[:16]


def verification_record(
    *, credential: Credential | None, method: str, verdict: Verdict, request
) -> VerificationLog | None:
    """Log one verification of ``credential`` for its holder to see.

    Lookups that found nothing are not logged (there is nobody to tell).
    """
    if credential is None:
        return None
    return VerificationLog.objects.create(
        credential=credential,
        method=method,
        result=str(verdict.value if isinstance(verdict, Verdict) else verdict),
        client_hash=client_hash(request),
    )
