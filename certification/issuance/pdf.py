"""The signed certificate PDF of a credential, through the shared renderer.

Rendering and signing are done by ``certification.credentials.pdf`` and
``certification.credentials.pades``. What this module adds is reuse: one
renderer per template revision (parsed template, CSS, fonts) and one signer per
issuer stay loaded in the worker process, which is where batch issuance gets
its speed.
"""

from __future__ import annotations

import atexit

from django.conf import settings

from certification.credentials.keys import SIGNING_CERT_FILE, key_directory
from certification.credentials.pades import BatchPadesSigner
from certification.credentials.pdf import CertificateRenderer
from certification.models import CertificateTemplateRevision, Credential

from .links import verify_url
from .statuslists import issuer_key_code
from .templates import certificate_context

MAX_CACHED = 16
_renderers: dict[int, CertificateRenderer] = {}
_signers: dict[tuple[str, str], BatchPadesSigner] = {}


def renderer_for(revision: CertificateTemplateRevision) -> CertificateRenderer:
    renderer = _renderers.get(revision.pk)
    if renderer is None:
        if len(_renderers) >= MAX_CACHED:
            _renderers.clear()
        renderer = CertificateRenderer(
            template_source=revision.html, css_source=revision.css
        )
        _renderers[revision.pk] = renderer
    return renderer


def signer_for(issuer_code: str) -> BatchPadesSigner:
    """The issuer's loaded PAdES signer (certificate and key read once, CMS
    template built once)."""
    cache_key = (
        str(settings.LMS_KEY_DIR),
        issuer_code,
        _certificate_version(issuer_code),
    )
    signer = _signers.get(cache_key)
    if signer is None:
        for stale in [k for k in _signers if k[:2] == cache_key[:2]]:
            del _signers[stale]
        signer = _signers[cache_key] = BatchPadesSigner.for_issuer(issuer_code)
    return signer


def _certificate_version(issuer_code: str) -> tuple[int, int]:
    """When the signing certificate file last changed: a key rotation or a
    certificate installed (in another process) replaces the cached signer."""
    try:
        found = (key_directory(issuer_code) / SIGNING_CERT_FILE).stat()
    except (OSError, ValueError):
        return (0, 0)
    return (found.st_ino, found.st_mtime_ns)


def caches_clear() -> None:
    """Forget loaded renderers and signers (after a key or template change)."""
    _renderers.clear()
    _signers.clear()


# Release WeasyPrint's font configurations while the interpreter is still whole.
atexit.register(caches_clear)


def render(
    revision: CertificateTemplateRevision, items, *, signer, reasons: list[str]
) -> list[bytes]:
    """``(context, credential_json, attachment_time)`` triples as PDFs with
    ``revision``'s template, signed by ``signer`` with ``reasons``: stamped on
    the template's laid-out background, or each rendered in full when
    ``LMS_CERTIFICATE_STAMPING`` is off (slower; to compare, or to rule
    stamping out)."""
    renderer = renderer_for(revision)
    if getattr(settings, "LMS_CERTIFICATE_STAMPING", True):
        return renderer.render_many(items, signer=signer, reasons=reasons)
    return [
        signer.sign(
            renderer.render(context, credential_json=data, attachment_time=moment),
            reason=reason,
        )
        for (context, data, moment), reason in zip(items, reasons, strict=True)
    ]


def certificate_pdf(credential: Credential, signed_json: dict, *, signer=None):
    """Render the pinned template for ``credential`` and sign it (PAdES)."""
    context = certificate_context(
        credential, verify_url=verify_url(credential.public_id)
    )
    [document] = render(
        credential.template_revision,
        [(context, signed_json, credential.issued_at)],
        signer=signer or signer_for(issuer_key_code(credential.issuer)),
        reasons=[f"Certificado {credential.public_id}"],
    )
    return document
