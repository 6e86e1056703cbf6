"""Security headers for every response: Content-Security-Policy, a few
hardening headers, and CORS for the public read-only endpoints.

The public site gets a strict policy: scripts only from this origin or with
the per-request nonce (``request.csp_nonce``, for the rare inline script:
``<script nonce="{{ request.csp_nonce }}">``), no plugins, no framing. Style
attributes are allowed (``style-src-attr``: progress bars set a width), style
sheets only from this origin. Wagtail's and Django's admins need inline
scripts and styles, so paths under ``LMS_CSP_ADMIN_PREFIXES`` get a looser
policy. JSON endpoints get ``default-src 'none'``.

HSTS comes from Django's SecurityMiddleware with the production settings
(``SECURE_HSTS_SECONDS``).
"""

import secrets

from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
API_PREFIXES = ("/api/",)
# GET answers readable from any origin: the verification API, did:web documents
# and status lists (which any verifier must be able to fetch).
CORS_PREFIXES = (
    "/api/",
    "/issuers/",
    "/credentials/status/",
    "/en/credentials/status/",
)
EMBED_FRAMES = (
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
)

ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Avatars come from Gravatar (scheme-relative: http in development).
    "img-src": ["'self'", "data:", "blob:", "https:", "www.gravatar.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:", "https:"],
    "frame-src": ["'self'", "https:"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def public_policy(nonce: str) -> dict:
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_FRAMES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


API_POLICY = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}


def serialise(policy: dict) -> str:
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


def _merge(policy: dict, extra: dict) -> dict:
    merged = {name: list(values) for name, values in policy.items()}
    for name, values in extra.items():
        merged.setdefault(name, []).extend(v for v in values if v not in merged[name])
    return merged


class SecurityHeadersMiddleware:
    """Sets the headers above unless a view already set its own CSP."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(
            getattr(settings, "LMS_CSP_ADMIN_PREFIXES", ADMIN_PREFIXES)
        )
        self.extra = getattr(settings, "LMS_CSP_EXTRA", {})
        self.admin_header = serialise(_merge(ADMIN_POLICY, self.extra))
        self.api_header = serialise(API_POLICY)

    def __call__(self, request):
        nonce = secrets.token_urlsafe(16)
        request.csp_nonce = nonce
        response = self.get_response(request)
        path = request.path_info
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self._policy(path, nonce)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.method in ("GET", "HEAD") and path.startswith(CORS_PREFIXES):
            response["Access-Control-Allow-Origin"] = "*"
        return response

    def _policy(self, path: str, nonce: str) -> str:
        if path.startswith(self.admin_prefixes):
            return self.admin_header
        if path.startswith(API_PREFIXES):
            return self.api_header
        return serialise(_merge(public_policy(nonce), self.extra))
