"""Per-client rate limits on verification, kept in the Django cache.

A fixed window per client and scope: ``cache.add`` opens the window with its
expiry, ``cache.incr`` counts atomically (Redis in production, so every web
process shares the counters). Limits come from
``settings.LMS_VERIFY_RATE_LIMITS`` (scope -> (requests, seconds)).
"""

from __future__ import annotations

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
    now = int(time.time())
    start = now - now % window
    key = f"verify-rl:{scope}:{client_hash(request)}:{start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    if count > allowed:
        return max(1, start + window - now)
    return None
