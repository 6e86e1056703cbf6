"""Public documents a CDN may cache: status lists and issuer documents.

``PublicDocumentCacheMiddleware`` gives every successful GET/HEAD of these
paths a strong ``ETag`` (a digest of the body), ``Cache-Control: public`` with
a short ``max-age`` for status lists (``LMS_CACHE_STATUS_LIST_SECONDS``) and a
longer one for issuer documents (``LMS_CACHE_ISSUER_SECONDS``): DID documents,
JWK Sets and issuer profiles. A request whose ``If-None-Match`` names the
current ETag is answered ``304 Not Modified`` with no body.

``PublicHeadMiddleware`` answers ``HEAD`` for the public documents (those
above, the verify pages, the public API's answers and description, the
wallet's metadata) as their ``GET`` without the body: the same status and
headers (ETag, Cache-Control, Content-Length, 304 for a matching
``If-None-Match``). The views, written for GET (django-ninja's ``api.get``,
``require_GET``), see a GET marked ``head_only``, so a HEAD records nothing
(a verification is not logged for the holder).
"""

from __future__ import annotations

import hashlib
import re

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

STATUS_LISTS = re.compile(
    r"^/(?:api/v1/status-lists/|(?:[a-z]{2}/)?credentials/status/)"
)
ISSUER_DOCUMENTS = re.compile(
    r"^/(?:issuers/[^/]+/(?:did|jwks)\.json$|api/v1/issuers(?:/[^/]+(?:/did\.json)?)?/?$)"
)

HEAD_AS_GET = re.compile(
    r"^/(?:"
    r"api/v1/(?:openapi\.json|ping|credentials/[^/]+|issuers(?:/.*)?|status-lists/.*)"
    r"|issuers/[^/]+/(?:did|jwks)\.json"
    r"|(?:[a-z]{2}/)?credentials/status/[^/]+/[^/]+/"
    r"|(?:[a-z]{2}/)?verify/(?:(?!(?:upload|json|mine)/)[^/]+/)?"
    r"|\.well-known/(?:openid-credential-issuer|oauth-authorization-server)"
    r")$"
)


def public_max_age(path: str) -> int | None:
    """Seconds a shared cache may keep ``path``; ``None`` if not public."""
    if STATUS_LISTS.match(path):
        return getattr(settings, "LMS_CACHE_STATUS_LIST_SECONDS", 60)
    if ISSUER_DOCUMENTS.match(path):
        return getattr(settings, "LMS_CACHE_ISSUER_SECONDS", 900)
    return None


def body_etag(content: bytes) -> str:
    return quote_etag(hashlib.sha256(content).hexdigest()[:32])


class PublicDocumentCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or response.status_code != 200
            or response.streaming
        ):
            return response
        max_age = public_max_age(request.path_info)
        if max_age is None:
            return response
        response.headers.pop("Cache-Control", None)
        patch_cache_control(response, public=True, max_age=max_age)
        response["ETag"] = body_etag(response.content)
        return get_conditional_response(
            request, etag=response["ETag"], response=response
        )


class PublicHeadMiddleware:
    """HEAD of a public document is its GET without the body (outside
    ``PublicDocumentCacheMiddleware``, so the ETag and a 304 are the GET's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not HEAD_AS_GET.match(request.path_info):
            return self.get_response(request)
        if request.method != "HEAD":
            response = self.get_response(request)
            allow = response.get("Allow", "")
            if response.status_code == 405 and "GET" in allow and "HEAD" not in allow:
                response["Allow"] = f"{allow}, HEAD"
            return response
        request.method = request.META["REQUEST_METHOD"] = "GET"
        request.head_only = True
        try:
            response = self.get_response(request)
        finally:
            request.method = request.META["REQUEST_METHOD"] = "HEAD"
        if response.streaming:
            response.streaming_content = []
        elif response.status_code != 304:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
