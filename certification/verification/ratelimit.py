"""Per-client rate limits on verification, kept in the Django cache.

A window per client and scope, opened by the client's first request (not
aligned to the clock, so a burst never straddles two windows): ``cache.add``
opens it with its expiry, ``cache.incr`` counts atomically (Redis in
production, so every web process shares the counters). Limits come from
``settings.LMS_VERIFY_RATE_LIMITS`` (scope -> (requests, seconds)).
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache

from .services import client_hash

DEFAULT_LIMITS = {
    "lookup": (60, 60),  # verify pages and status API: 60 a minute
    "upload": (10, 60),  # PDF and JSON verifications: 10 a minute
}


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "LMS_VERIFY_RATE_LIMITS", {})}


def rate_limit_exceeded(request, scope: str) -> int | None:
    """Count this request; return seconds to wait when over the limit, else None."""
    allowed, window = limits()[scope]
    now = time.time()
    key = f"verify-rl:{scope}:{client_hash(request)}"
    cache.add(f"{key}:opened", now, timeout=window)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    if count > allowed:
        opened = cache.get(f"{key}:opened", now)
        return max(1, math.ceil(opened + window - now))
    return None
