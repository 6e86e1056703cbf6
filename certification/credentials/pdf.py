"""The bilingual certificate PDF: WeasyPrint to PDF/A-3b with the credential
JSON attached (``credential.json``, AFRelationship Data) and a vector QR code.

Context of :meth:`CertificateRenderer.render` (plain data)::

    {
      "issuer": {"name_es": "...", "name_en": "...", "country_es": "Chile",
                 "country_en": "Chile", "logo_url": "file:///... | data:..."},
      "kind_es": "Certificado de competencia laboral",      # optional
      "kind_en": "Certificate of occupational competence",  # optional
      "holder_name": "Ana María Pérez Núñez",
      "program_es": "Editor/a de libros", "program_en": "Book editor",
      "standard": {"code": "...", "title": "...", "framework": "ChileValora",
                   "version": "1"},
      "levels": [{"label_es": "Nivel nacional (MCTP)", "label_en": "National level",
                  "value": "3"}],
      "units": [{"code": "U-1", "title": "..."}],
      "issued_on": date, "valid_until": date | None,
      "signatories": [{"name": "...", "role_es": "...", "role_en": "...",
                       "signature_url": "file:///... | data:..."}],
      "public_id": "3f9c...", "verify_url": "https://host/verify/3f9c.../",
      "legal_text_es": "...", "legal_text_en": "...",
    }

The template also gets ``qr_svg`` (the verify URL's QR code, inline SVG),
``verify_base`` (the verify URL without the public id), and the dates written
out in both languages (``issued_on_es``, ``valid_until_en``...).

A :class:`CertificateRenderer` parses the template and the stylesheet and
loads the fonts once; reuse it for many certificates (:meth:`render_many`
stamps them on the template's laid-out page, see ``stamping``).
"""

import datetime as dt
import functools
import hashlib
import io
import json
import logging
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from django.utils.safestring import mark_safe

from . import stamping
from . import weasyprint_internals as wp

logger = logging.getLogger(__name__)

# Backgrounds a renderer keeps (a template with one program's shared values
# each, about 2 MB); a batch of one program and issuer needs one.
MAX_BACKGROUNDS = 4

PDF_VARIANT = "pdf/a-3b"
ATTACHMENT_NAME = "credential.json"
TEMPLATE_NAME = "certification/certificate.html"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "certification"
STYLESHEET = STATIC_DIR / "certificate.css"

MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

DEFAULT_KIND_ES = "Certificado de competencia laboral"
DEFAULT_KIND_EN = "Certificate of occupational competence"


# The PDF/A output intent: WeasyPrint's own sRGB ICC profile, read once per
# renderer (WeasyPrint's default path leaves that file open on every render).
OUTPUT_INTENT = "srgb-output-intent"


def _srgb_profile():
    from importlib.resources import files

    icc = (files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()
    return wp.ColorProfile(
        io.BytesIO(icc), "sRGB2014.icc", "relative-colorimetric", (["r"], ["g"], ["b"])
    )


# The holder's name shrinks until it fits: each step is the CSS class the
# template gives the name's block (``holder_fit``) and the most lines it may
# take there. The last step takes whatever the name needs: never clipped.
FIT_FIELD = "holder_fit"
FIT_STEPS = (("", 1), ("fit-1", 1), ("fit-2", 2), ("fit-3", 2), ("fit-4", None))
FIT_MARK = "data-fit"  # the attribute of the block whose lines are counted


def fit_lines(pages) -> int:
    """The most lines of text a ``data-fit`` block of laid-out ``pages``
    holds (0: none)."""

    def lines(box) -> int:
        if isinstance(box, wp.boxes.LineBox):
            return 1
        return sum(lines(child) for child in getattr(box, "children", ()))

    def most(box) -> int:
        element = getattr(box, "element", None)
        if (
            isinstance(box, wp.boxes.BlockBox)
            and element is not None
            and element.get(FIT_MARK) is not None
            and box.element_tag == element.tag
        ):
            return lines(box)
        return max((most(child) for child in getattr(box, "children", ())), default=0)

    return max((most(page._page_box) for page in pages), default=0)


def fits(pages, step: int) -> bool:
    """Whether ``pages``, laid out at fit step ``step``, need no smaller step
    (see :data:`FIT_STEPS`)."""
    limit = FIT_STEPS[step][1]
    return limit is None or fit_lines(pages) <= limit


class CertificateRenderError(ValueError):
    """The context lacks a field the certificate needs."""


def date_es(value: dt.date) -> str:
    return f"{value.day} de {MONTHS_ES[value.month - 1]} de {value.year}"


def date_en(value: dt.date) -> str:
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def qr_code(url: str):
    """The QR code of ``url`` (error correction level Q, segno's own mask
    choice: choosing it faster saved under a tenth of a stamped certificate's
    time, measured by ``make bench``)."""
    import segno

    return segno.make(url, error="q", micro=False)


def qr_svg(url: str, code=None) -> str:
    """An inline SVG QR code (vector paths, no raster) for ``url``."""
    code = code or qr_code(url)
    return code.svg_inline(scale=1, border=0, dark="#1b2a41", omitsize=True)


def _qr_markup(url: str, code) -> str:
    return mark_safe(qr_svg(url, code))


def _as_date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def certificate_context(context: dict) -> dict:
    """The template context: the input plus QR code and formatted dates."""
    for key in ("holder_name", "program_es", "public_id", "verify_url", "issued_on"):
        if not context.get(key):
            raise CertificateRenderError(f"certificate context lacks {key!r}")
    if not (context.get("issuer") or {}).get("name_es"):
        raise CertificateRenderError("certificate context lacks issuer.name_es")
    issued = _as_date(context["issued_on"])
    until = _as_date(context.get("valid_until"))
    result = dict(context)
    result.setdefault("kind_es", DEFAULT_KIND_ES)
    result.setdefault("kind_en", DEFAULT_KIND_EN)
    result.setdefault("standard", {})
    result.setdefault(FIT_FIELD, FIT_STEPS[0][0])
    code = qr_code(context["verify_url"])
    result.update(
        qr_code=code,
        # Drawn when a template shows it (a stamped certificate draws the
        # code's squares itself); segno's output, no input in it.
        qr_svg=functools.partial(_qr_markup, context["verify_url"], code),
        # The verify URL without the public id, which the template shows on
        # a line of its own (the same for every holder of an issuer).
        verify_base=context["verify_url"].rpartition(context["public_id"])[0]
        or context["verify_url"],
        issued_on_es=date_es(issued),
        issued_on_en=date_en(issued),
        valid_until_es=date_es(until) if until else "",
        valid_until_en=date_en(until) if until else "",
    )
    return result


def _json_bytes(credential) -> bytes:
    if isinstance(credential, bytes):
        return credential
    if isinstance(credential, str):
        return credential.encode("utf-8")
    return json.dumps(credential, ensure_ascii=False, indent=2).encode("utf-8")


class CertificateRenderer:
    """Renders certificates, sharing fonts, stylesheet and template.

    ``template_source`` (Django template text) and ``css_source`` override the
    default files, e.g. with an issuer's pinned template revision.
    """

    def __init__(
        self, *, template_source: str | None = None, css_source: str | None = None
    ):
        from django.template import engines
        from django.template.loader import get_template
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        if template_source is None:
            self.template = get_template(TEMPLATE_NAME)
        else:
            self.template = engines["django"].from_string(template_source)
        self.font_config = FontConfiguration()
        if css_source is None:
            self.stylesheet = CSS(
                filename=str(STYLESHEET), font_config=self.font_config
            )
        else:
            self.stylesheet = CSS(
                string=css_source,
                base_url=str(STYLESHEET),
                font_config=self.font_config,
            )
        self.image_cache: dict = {}
        self.color_profiles = {OUTPUT_INTENT: _srgb_profile()}
        # Laid-out backgrounds for stamping, by their placeholder HTML (or why
        # that HTML cannot be stamped), most recent last.
        self.backgrounds: OrderedDict = OrderedDict()
        self.nonce = stamping.new_nonce()
        self.stamped = self.rendered = 0  # certificates made each way

    def html(self, context: dict) -> str:
        return self.template.render(certificate_context(context))

    def _write_options(self, credential_json, moment) -> dict:
        from weasyprint import Attachment

        moment = moment or dt.datetime.now(dt.UTC)
        attachment = Attachment(
            file_obj=io.BytesIO(_json_bytes(credential_json)),
            name=ATTACHMENT_NAME,
            description="Open Badges 3.0 credential (W3C VC 2.0, eddsa-jcs-2022)",
            relationship="Data",
            created=moment,
            modified=moment,
        )
        return {
            "attachments": [attachment],
            "pdf_variant": PDF_VARIANT,
            "output_intent": OUTPUT_INTENT,
            "color_profiles": self.color_profiles,
            "cache": self.image_cache,
        }

    def _html_document(self, source: str):
        from weasyprint import HTML

        return HTML(string=source, base_url=str(STATIC_DIR) + "/")

    def render(
        self,
        context: dict,
        *,
        credential_json,
        attachment_time: dt.datetime | None = None,
    ) -> bytes:
        """One certificate as PDF/A-3b bytes, the credential attached.

        A holder's name too long for its line is laid out again a step
        smaller (:data:`FIT_STEPS`) until it fits."""
        from weasyprint import DEFAULT_OPTIONS

        full = certificate_context(context)
        options = dict(DEFAULT_OPTIONS)
        options.update(self._write_options(credential_json, attachment_time))
        options["stylesheets"] = [self.stylesheet]
        for step, (css_class, _) in enumerate(FIT_STEPS):
            html = self.template.render({**full, FIT_FIELD: css_class})
            document = self._html_document(html).render(self.font_config, **options)
            if fits(document.pages, step):
                break
        return document.write_pdf(**{key: options[key] for key in DEFAULT_OPTIONS})

    def render_many(
        self,
        items: Iterable[tuple[dict, object, dt.datetime | None]],
        *,
        signer=None,
        reasons: list[str] | None = None,
    ) -> list[bytes]:
        """``(context, credential_json, attachment_time)`` triples as PDFs.

        Each certificate is stamped on its template's laid-out background
        (see :mod:`certification.credentials.stamping`) when the template and
        its values allow; the others are rendered in full (:meth:`render`).
        With a ``signer`` (:class:`~certification.credentials.pades.PadesSigner`),
        each PDF is signed, with its entry of ``reasons``: a stamped one as it
        is written when the signer can (the batch signer), the others after.
        """
        items = list(items)
        reasons = reasons or [""] * len(items)
        inline = signer if getattr(signer, "signs_while_stamping", False) else None
        results = []
        for (context, credential_json, moment), reason in zip(
            items, reasons, strict=True
        ):
            try:
                data = self.stamp(
                    context,
                    credential_json=credential_json,
                    attachment_time=moment,
                    signer=inline,
                    reason=reason,
                )
                signed = inline is not None
            except stamping.NotStampable as why:
                logger.debug("certificate rendered in full: %s", why)
                data, signed = None, False
            except Exception:  # a stamping fault must not stop issuance
                logger.exception("stamping failed; certificate rendered in full")
                data, signed = None, False
            if data is None:
                data = self.render(
                    context, credential_json=credential_json, attachment_time=moment
                )
                self.rendered += 1
            if signer is not None and not signed:
                data = signer.sign(data, reason=reason)
            results.append(data)
        return results

    def stamp(
        self,
        context: dict,
        *,
        credential_json,
        attachment_time: dt.datetime | None = None,
        signer=None,
        reason: str = "",
    ) -> bytes:
        """One certificate stamped on its background (and signed, with a
        ``signer`` that builds a CMS for a digest); raises
        :class:`~certification.credentials.stamping.NotStampable` when it
        must be rendered in full."""
        full = certificate_context(context)
        placeholders, replacements = stamping.sentinel_context(full, self.nonce)
        # The QR code's markup is left out of both: it is the same for every
        # holder as far as the layout goes, and stamping draws it anyway.
        html = self.template.render(
            {**full, stamping.QR_FIELD: placeholders[stamping.QR_FIELD]}
        )
        background_html = self.template.render(placeholders)
        if not stamping.html_matches(background_html, replacements, html):
            raise stamping.NotStampable("the template treats a field's value apart")
        background = self._background(background_html)
        data = background.stamp(
            {name: full.get(name) for name in stamping.TEXT_FIELDS},
            qr=full["qr_code"],
            credential_json=_json_bytes(credential_json),
            attachment_time=attachment_time or dt.datetime.now(dt.UTC),
            signer=signer,
            reason=reason,
        )
        self.stamped += 1
        return data

    def _background(self, html: str) -> stamping.Background:
        key = hashlib.sha256(html.encode("utf-8")).digest()
        background = self.backgrounds.get(key)
        if background is None:
            try:
                background = stamping.Background(self, html, self.nonce)
            except stamping.NotStampable as reason:
                background = reason
            except Exception as error:  # rendered in full instead, and said
                logger.exception("the template's background could not be laid out")
                background = stamping.NotStampable(f"no background: {error}")
            self.backgrounds[key] = background
            while len(self.backgrounds) > MAX_BACKGROUNDS:
                self.backgrounds.popitem(last=False)
        else:
            self.backgrounds.move_to_end(key)
        if isinstance(background, stamping.NotStampable):
            raise background
        return background
