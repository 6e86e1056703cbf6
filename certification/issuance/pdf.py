"""The signed certificate PDF of a credential, through the shared renderer.

Rendering and signing are done by ``certification.credentials.pdf`` and
``certification.credentials.pades``. What this module adds is reuse: one
renderer per template revision (parsed template, CSS, fonts), one PAdES signer
and one VC-JWT key per issuer stay loaded in the worker process, which is where
batch issuance gets its speed (loading an RSA key checks it, which costs more
than signing with it). A loaded key is used while the files of the issuer's key
directory are unchanged: after a rotation or a new certificate the next
credential loads the new keys.
"""

from __future__ import annotations

import atexit
import os

from django.conf import settings

from certification.credentials.keys import key_directory
from certification.credentials.pades import BatchPadesSigner
from certification.credentials.pdf import CertificateRenderer
from certification.credentials.vcjwt import issuer_jwt_signer
from certification.models import CertificateTemplateRevision, Credential, Issuer

from .links import verify_url
from .statuslists import issuer_key_code
from .templates import certificate_context

MAX_CACHED = 16
_renderers: dict[int, CertificateRenderer] = {}
_signers: dict[tuple, BatchPadesSigner] = {}
_jwt_signers: dict[tuple, tuple] = {}


def _keys_version(issuer_code: str) -> tuple:
    """What identifies the issuer's loaded keys: the key directory and its
    files (name, inode, modification time; a few stat calls)."""
    try:
        with os.scandir(key_directory(issuer_code)) as entries:
            files = tuple(
                sorted(
                    (entry.name, entry.inode(), entry.stat().st_mtime_ns)
                    for entry in entries
                )
            )
    except FileNotFoundError:
        files = ()  # the loaders say what is missing
    return (str(settings.LMS_KEY_DIR), issuer_code, files)


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


def signer_for(issuer_code: str, *, tsa_url: str = "") -> BatchPadesSigner:
    """The issuer's loaded PAdES signer (certificate and key read once, CMS
    template built once); with ``tsa_url``, its signatures are timestamped
    (PAdES B-T) by that authority."""
    cache_key = (*_keys_version(issuer_code), tsa_url)
    signer = _signers.get(cache_key)
    if signer is None:
        if len(_signers) >= MAX_CACHED:
            _signers.clear()
        signer = BatchPadesSigner.for_issuer(issuer_code, tsa_url=tsa_url)
        _signers[cache_key] = signer
    return signer


def jwt_signer_for(issuer_code: str) -> tuple:
    """The issuer's loaded VC-JWT key and its ``kid`` (see
    :func:`~certification.credentials.vcjwt.issuer_jwt_signer`)."""
    cache_key = _keys_version(issuer_code)
    signer = _jwt_signers.get(cache_key)
    if signer is None:
        if len(_jwt_signers) >= MAX_CACHED:
            _jwt_signers.clear()
        signer = _jwt_signers[cache_key] = issuer_jwt_signer(issuer_code)
    return signer


def issuer_signer(issuer: Issuer) -> BatchPadesSigner:
    """The PAdES signer of ``issuer``: its keys, and the time-stamping
    authority of its credential profile when it names one."""
    try:
        tsa_url = issuer.credential_profile.tsa_url
    except Issuer.credential_profile.RelatedObjectDoesNotExist:
        tsa_url = ""
    return signer_for(issuer_key_code(issuer), tsa_url=tsa_url)


def caches_clear() -> None:
    """Forget loaded renderers, signers and keys."""
    _renderers.clear()
    _signers.clear()
    _jwt_signers.clear()


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
        signer=signer or issuer_signer(credential.issuer),
        reasons=[f"Certificado {credential.public_id}"],
    )
    return document
