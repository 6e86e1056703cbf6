"""Who is acting and from which address, for the current request.

``AuditContextMiddleware`` sets it for each request; management commands and
Celery tasks run without one, so their entries carry no address (and the actor
their caller passes explicitly).
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class AuditContext:
    user_id: int | None
    address: str | None


_current: ContextVar[AuditContext | None] = ContextVar("audit_context", default=None)


def current() -> AuditContext | None:
    return _current.get()


def client_address(request) -> str | None:
    """The client's address; behind ``LMS_TRUSTED_PROXIES`` reverse proxies,
    the one the outermost trusted proxy saw (from X-Forwarded-For)."""
    trusted = int(getattr(settings, "LMS_TRUSTED_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if trusted and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(trusted, len(hops))]
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    """Makes the request's user and address known to audit writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else None
        token = _current.set(AuditContext(user_id, client_address(request)))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
