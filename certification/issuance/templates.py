"""Certificate templates: the default revision and the render context.

The certificate itself is rendered by ``certification.credentials.pdf``; a
``CertificateTemplate`` revision holds the Django template text and the CSS it
is given, so an officer's edit never changes a certificate already issued (each
credential pins its revision). The default template is seeded from the files
bundled with the renderer.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

from django.template.loader import get_template
from django.utils import translation

from certification.credentials import pdf
from certification.models import CertificateTemplate, Credential, ProgramKind
from lms.accounts.names import printable_name

KIND_LABELS = {
    ProgramKind.COMPETENCY: (pdf.DEFAULT_KIND_ES, pdf.DEFAULT_KIND_EN),
    ProgramKind.COURSE_COMPLETION: (
        "Certificado de aprobación",
        "Certificate of completion",
    ),
}


def default_template_ensure() -> CertificateTemplate:
    """The issuer-less default template, created from the bundled files."""
    template = CertificateTemplate.objects.filter(issuer__isnull=True).first()
    if template is None:
        origin = get_template(pdf.TEMPLATE_NAME).origin.name
        template = CertificateTemplate(
            name="Plantilla predeterminada",
            html=Path(origin).read_text(encoding="utf-8"),
            css=pdf.STYLESHEET.read_text(encoding="utf-8"),
        )
        template.save()
    return template


def _image_url(image) -> str:
    if image is None:
        return ""
    try:
        return Path(image.file.path).as_uri()
    except (NotImplementedError, ValueError):
        # Object storage: the image goes inline, not through a signed URL the
        # renderer would have to fetch.
        with image.file.open("rb") as handle:
            data = base64.b64encode(handle.read()).decode("ascii")
        kind = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
        return f"data:{kind};base64,{data}"


def _levels(credential: Credential) -> list[dict]:
    levels = []
    if credential.national_level:
        levels.append(
            {
                "label_es": "Nivel nacional",
                "label_en": "National level",
                "value": credential.national_level,
            }
        )
    if credential.regional_level:
        suffix = " (provisional)" if credential.regional_level_provisional else ""
        levels.append(
            {
                "label_es": "Nivel regional de referencia",
                "label_en": "Regional reference level",
                "value": credential.regional_level + suffix,
            }
        )
    return levels


def certificate_context(
    credential: Credential, *, verify_url: str, signatories: list[dict] | None = None
) -> dict:
    """The plain-data context ``CertificateRenderer.render`` expects.

    ``signatories`` (from :func:`signatories_context`) spares the query when
    many credentials of one issuer are rendered.
    """
    issuer = credential.issuer
    profile = getattr(issuer, "credential_profile", None)
    program = credential.program
    kind_es, kind_en = KIND_LABELS.get(program.kind, KIND_LABELS["competency"])
    country = issuer.country
    with translation.override("es"):
        country_es = str(country.name)
    with translation.override("en"):
        country_en = str(country.name)
    return {
        "issuer": {
            "name_es": issuer.name,
            "name_en": country.ministry_name_en or issuer.name,
            "country_es": country_es,
            "country_en": country_en,
            "logo_url": _image_url(profile.logo) if profile else "",
        },
        "kind_es": kind_es,
        "kind_en": kind_en,
        "holder_name": printable_name(credential.holder_name),
        "program_es": credential.program_title,
        "program_en": credential.program_title_en or credential.program_title,
        "standard": {
            "code": credential.standard_code,
            "title": credential.standard_title,
            "framework": program.standard.get_system_display(),
            "version": credential.standard_version,
        },
        "levels": _levels(credential),
        "units": credential.units,
        "issued_on": credential.issued_at,
        "valid_until": credential.valid_until,
        "signatories": _signatories(profile) if signatories is None else signatories,
        "public_id": credential.public_id,
        "verify_url": verify_url,
        "legal_text_es": profile.legal_text_es if profile else "",
        "legal_text_en": profile.legal_text_en if profile else "",
    }


def signatories_context(issuer) -> list[dict]:
    """The signatories of ``issuer``'s certificates, as template data."""
    return _signatories(getattr(issuer, "credential_profile", None))


def _signatories(profile) -> list[dict]:
    if profile is None:
        return []
    return [
        {
            "name": s.name,
            "role_es": s.role_es,
            "role_en": s.role_en,
            "signature_url": _image_url(s.signature),
        }
        for s in profile.signatories.select_related("signature")
    ]
