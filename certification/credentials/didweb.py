"""did:web resolution (W3C CCG "did:web Method Specification", section
"Read (Resolve)"), shared by the verify page and the offline verifier.

The algorithm: take the method-specific identifier, replace ``:`` with
``/``, percent-decode the port's colon (``%3A``), append
``/.well-known`` when there is no path, append ``/did.json`` and prepend
``https://``. ``did:web:example.org:issuers:cl`` resolves at
``https://example.org/issuers/cl/did.json``; ``did:web:example.org`` at
``https://example.org/.well-known/did.json``.

did:web mandates HTTPS. A development installation whose public address
(``LMS_PUBLIC_URL``) is ``http://…`` mints DIDs of that host; for exactly that
host (and port) the resolver uses the address's own scheme, so a demo served
over plain HTTP resolves its own issuers. Every other DID is
resolved over HTTPS only. No Django here: ``lms-verify`` runs without it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

MAX_DOCUMENT_BYTES = 256 * 1024


class DidWebError(ValueError):
    """The DID is not a did:web DID, or its document could not be resolved."""


def did_web_parts(did: str) -> tuple[str, list[str]]:
    """``(host[:port], path segments)`` of a did:web DID (fragment dropped)."""
    if not isinstance(did, str) or not did.startswith("did:web:"):
        raise DidWebError(f"not a did:web DID: {did!r}")
    identifier = did[len("did:web:") :].split("#", 1)[0].split("?", 1)[0]
    domain, *path = identifier.split(":")
    host = unquote(domain)
    if not domain or "/" in host or any(not segment for segment in path):
        raise DidWebError(f"malformed did:web DID: {did!r}")
    return host, [unquote(segment) for segment in path]


def _scheme(host: str, public_url: str | None) -> str:
    if public_url:
        parts = urlsplit(public_url)
        if parts.scheme == "http" and parts.netloc.lower() == host.lower():
            return "http"
    return "https"


def did_web_document_url(did: str, *, public_url: str | None = None) -> str:
    """Where ``did``'s DID document lives; ``public_url`` is the platform's
    public address (its scheme is used only for its own ``http`` host)."""
    host, path = did_web_parts(did)
    location = "/".join(path) if path else ".well-known"
    return f"{_scheme(host, public_url)}://{host}/{location}/did.json"


def did_web_jwks_url(did: str, *, public_url: str | None = None) -> str:
    """The issuer's JWK Set, published next to its DID document."""
    return did_web_document_url(did, public_url=public_url)[: -len("did.json")] + (
        "jwks.json"
    )


def http_fetch(url: str) -> bytes:
    """GET ``url`` (bounded size, 10 s), for resolvers that use the network."""
    from urllib.request import Request, urlopen

    request = Request(url, headers={"Accept": "application/did+json, application/json"})
    try:
        with urlopen(request, timeout=10) as response:  # noqa: S310 - http(s) only
            data = response.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise DidWebError(f"cannot fetch {url}: {exc}") from exc
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DidWebError(f"{url} is larger than {MAX_DOCUMENT_BYTES} bytes")
    return data


def did_web_resolve(
    did: str,
    *,
    fetch: Callable[[str], bytes] = http_fetch,
    public_url: str | None = None,
) -> dict:
    """The DID document of ``did``: fetched from its did:web address with
    ``fetch(url) -> bytes``, and refused unless its ``id`` is ``did``."""
    url = did_web_document_url(did, public_url=public_url)
    try:
        document = json.loads(fetch(url))
    except ValueError as exc:
        raise DidWebError(f"{url} is not JSON") from exc
    base = did.split("#", 1)[0]
    if not isinstance(document, dict) or document.get("id") != base:
        raise DidWebError(f"the document at {url} is not the DID document of {base}")
    return document
