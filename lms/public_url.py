"""The public address of the site, ``settings.LMS_PUBLIC_URL``.

Every absolute URL the platform writes down (QR codes and links in signed
certificates, credential and status-list ids, the issuers' did:web ids,
e-mails, the CMS's own links) is built here from that one setting, never from
the request that happens to be served: a signed certificate cannot be corrected
afterwards. Settings are read at call time only.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def public_url_parse(value: str) -> tuple[str, str, int | None]:
    """``(scheme, hostname, port)`` of a public address such as
    ``https://certificados.example.org``; an address with a path, a query, a
    user or no host is refused with ``ImproperlyConfigured``."""
    parts = urlsplit(value.strip())
    try:
        port = parts.port
    except ValueError as error:
        raise ImproperlyConfigured(f"LMS_PUBLIC_URL {value!r}: {error}") from error
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise ImproperlyConfigured(
            f"LMS_PUBLIC_URL must be a scheme and a host, such as "
            f"https://certificados.example.org (no path): got {value!r}"
        )
    return parts.scheme, parts.hostname, port


def public_base_url() -> str:
    """``scheme://host[:port]`` without a trailing slash."""
    scheme, hostname, port = public_url_parse(settings.LMS_PUBLIC_URL)
    return f"{scheme}://{public_netloc(hostname, port)}"


def public_netloc(hostname: str | None = None, port: int | None = None) -> str:
    """``host[:port]`` of the public address (IPv6 hosts in brackets)."""
    if hostname is None:
        _scheme, hostname, port = public_url_parse(settings.LMS_PUBLIC_URL)
    host = f"[{hostname}]" if ":" in hostname else hostname
    return f"{host}:{port}" if port else host


def public_url(path: str = "/") -> str:
    """The absolute public URL of a site path (``/verify/…``)."""
    if not path.startswith("/"):
        path = "/" + path
    return public_base_url() + path


def public_site_fields() -> dict:
    """Wagtail ``Site`` hostname and port matching the public address."""
    scheme, hostname, port = public_url_parse(settings.LMS_PUBLIC_URL)
    return {"hostname": hostname, "port": port or (443 if scheme == "https" else 80)}


def public_url_rebase(url: str) -> str:
    """``url`` with its scheme and host replaced by the public ones (for links
    built by third-party code from the request)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return url
    scheme, _hostname, _port = public_url_parse(settings.LMS_PUBLIC_URL)
    return urlunsplit(
        (scheme, public_netloc(), parts.path, parts.query, parts.fragment)
    )


def request_base_url(request) -> str:
    """``scheme://host[:port]`` the request reached the site at."""
    return f"{request.scheme}://{request.get_host()}"


def public_url_matches(request) -> bool:
    """Whether the request reached the site at its configured public address."""
    return request_base_url(request).rstrip("/") == public_base_url()
