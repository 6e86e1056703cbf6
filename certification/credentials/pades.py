"""PAdES baseline B-B and B-T signatures (ETSI EN 319 142-1) with pyHanko.

The signature is applied last, as an incremental update, so the PDF/A-3b
document it covers is left byte-for-byte intact before it. The signed file
stays PDF 1.7, as PDF/A-3 requires: the update declares only the ESIC
extension of PAdES (whose base version is 1.7), not ISO/TS 32002 (a PDF 2.0
extension that pyHanko adds for ECDSA on the NIST curves). ECDSA and RSA
signatures are PDF 1.7 signatures under PAdES; EdDSA ones are not, so an
Ed25519 certificate cannot sign certificates. With a time-stamping authority
(``tsa_url``) the signature carries an RFC 3161 signature timestamp (B-T).

Validation uses the issuer's certificate (or its CA) as the only trust root,
offline.
"""

import io
from dataclasses import dataclass, field

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from ._loop import call_outside_event_loop
from .pdfsafe import ATTACHMENT_NAME, Budget, Meter, PdfError, read_attachment

SIGNATURE_FIELD = "CredentialSignature"
# Seconds to wait for a time-stamping authority's answer.
TSA_TIMEOUT = 10


class TimestampUnavailable(OSError):
    """The time-stamping authority did not answer with a timestamp (an
    OSError: issuance retries it as it retries a storage failure)."""


@dataclass(frozen=True)
class SignatureReport:
    """What validation found; ``ok`` needs intact, valid, trusted, whole file."""

    present: bool
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    coverage: str = ""
    modification_level: str = ""
    signer: str = ""
    signed_at: str = ""
    # A signature timestamp (PAdES B-T): when it says the signature existed,
    # and whether its token is intact and validly signed (its authority is
    # trusted only when ``trust_roots`` include it; not needed for ``ok``).
    timestamped_at: str = ""
    timestamp_valid: bool = False
    timestamp_trusted: bool = False
    reason: str = ""
    details: dict = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return (
            self.present
            and self.intact
            and self.valid
            and self.trusted
            and self.coverage == "ENTIRE_FILE"
        )


def _asn1_certificate(certificate) -> asn1_x509.Certificate:
    if isinstance(certificate, asn1_x509.Certificate):
        return certificate
    if isinstance(certificate, x509.Certificate):
        return asn1_x509.Certificate.load(
            certificate.public_bytes(serialization.Encoding.DER)
        )
    raise TypeError("expected a cryptography or asn1crypto certificate")


def _pdf17_signer_class():
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.constants import ESIC_EXTENSION_1

    class Pdf17Signer(signers.PdfSigner):
        """pyHanko's signer, declaring only what PDF 1.7 (PDF/A-3) allows."""

        def register_extensions(self, pdf_out, *, md_algorithm: str):
            if self.signature_meta.subfilter == fields.SigSeedSubFilter.PADES:
                pdf_out.register_extension(ESIC_EXTENSION_1)

    return Pdf17Signer


def timestamper_for(tsa_url: str):
    """pyHanko's RFC 3161 client for ``tsa_url`` (None without a URL)."""
    if not tsa_url:
        return None
    from pyhanko.sign.timestamps import HTTPTimeStamper

    return HTTPTimeStamper(tsa_url, timeout=TSA_TIMEOUT)


class PadesSigner:
    """A reusable signer for one issuer's certificate (load it once per batch).

    Every signature is built by pyHanko from scratch (signed attributes, CMS
    structure, a dry run to size the placeholder). :class:`BatchPadesSigner`
    is the fast variant for many documents. With ``tsa_url`` each signature
    gets a signature timestamp from that authority (PAdES B-T); when the
    authority cannot be reached, :class:`TimestampUnavailable` is raised.
    """

    def __init__(
        self, certificate, private_key, chain=(), *, name: str = "", tsa_url: str = ""
    ):
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        self.tsa_url = tsa_url
        self.timestamper = timestamper_for(tsa_url)
        if hasattr(private_key, "pades_signer"):  # a key in an HSM (hsm.py)
            self._hsm_signer(certificate, private_key, chain, name)
            return
        key_der = private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        cert = _asn1_certificate(certificate)
        if cert.public_key.algorithm in ("ed25519", "ed448"):
            raise ValueError(
                "an EdDSA certificate cannot sign a PDF/A-3 (PDF 1.7) document:"
                " install an ECDSA or RSA signing certificate"
            )
        self.private_key = private_key
        self.signer = self.signer_class()(
            signing_cert=cert,
            signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
            cert_registry=SimpleCertificateStore.from_certs(
                [cert, *(_asn1_certificate(c) for c in chain)]
            ),
        )
        self.name = name or cert.subject.human_friendly

    @staticmethod
    def signer_class():
        from pyhanko.sign import signers

        return signers.SimpleSigner

    def _hsm_signer(self, certificate, private_key, chain, name):
        """Key custody hook: the pyHanko signer of a key held in an HSM
        (:class:`certification.credentials.hsm.HsmKey`)."""
        cert = _asn1_certificate(certificate)
        chain = [_asn1_certificate(c) for c in chain]
        self.private_key = private_key
        self.signer = private_key.pades_signer(self.signer_class(), cert, chain)
        self.name = name or cert.subject.human_friendly

    @classmethod
    def for_issuer(cls, issuer_code: str, *, tsa_url: str = "") -> "PadesSigner":
        from .keys import load_signing_certificate

        signing = load_signing_certificate(issuer_code)
        return cls(
            signing.certificate, signing.private_key, signing.chain, tsa_url=tsa_url
        )

    def bytes_reserved(self) -> int | None:
        """Room for the CMS in the placeholder; None lets pyHanko estimate it."""
        return None

    def sign(self, pdf_bytes: bytes, *, reason: str = "", location: str = "") -> bytes:
        """Append a PAdES-B-B signature (B-T with a time-stamping authority)
        covering the whole document."""
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.pdf_utils.misc import PdfReadError
        from pyhanko.sign import fields, signers
        from pyhanko.sign.timestamps import TimestampRequestError

        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        except (PdfReadError, ValueError) as exc:
            raise PdfError(f"not a readable PDF: {exc}") from exc
        metadata = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason or None,
            location=location or None,
            name=self.name,
        )
        pdf_signer = _pdf17_signer_class()(
            metadata, signer=self.signer, timestamper=self.timestamper
        )
        try:
            output = call_outside_event_loop(
                pdf_signer.sign_pdf, writer, bytes_reserved=self.bytes_reserved()
            )
        except TimestampRequestError as exc:
            raise TimestampUnavailable(
                f"no timestamp from {self.tsa_url}: {exc}"
            ) from exc
        return output.getvalue()


class BatchPadesSigner(PadesSigner):
    """A PAdES-B-B signer for many documents of one issuer.

    The CMS SignedData is built once, by pyHanko, as a template: the signed
    attributes of PAdES B-B (content-type, message-digest,
    signing-certificate-v2; no signing-time, the time is the dictionary's
    ``/M``) and the certificate set never change between documents. Per
    document only the message digest is replaced and the signed attributes
    signed again (ECDSA or RSA PKCS#1 v1.5 with ``cryptography``); the
    placeholder size is known from the template, so pyHanko's dry-run
    signature for sizing is skipped too. :meth:`sign` lets pyHanko write the
    incremental update around that CMS; a stamped certificate gets its update
    written with the file (:meth:`cms_for_digest`, see ``stamping``).

    With a time-stamping authority every signature needs a timestamp token of
    its own, fetched over the network, which costs far more than what the
    template saves: the signer then is :class:`PadesSigner` (pyHanko builds
    each CMS), and stamped certificates are signed after they are written.
    """

    @staticmethod
    def signer_class():
        from ._cms_template import TemplateCmsSigner

        return TemplateCmsSigner

    def __init__(
        self, certificate, private_key, chain=(), *, name: str = "", tsa_url: str = ""
    ):
        super().__init__(certificate, private_key, chain, name=name, tsa_url=tsa_url)
        self.signer.private_key = private_key

    @property
    def signs_while_stamping(self) -> bool:
        """Whether a stamped certificate's signature can be made with the file
        (:meth:`cms_for_digest`): not when it needs a timestamp."""
        return self.timestamper is None

    def bytes_reserved(self) -> int | None:
        if self.timestamper is not None:
            return None  # pyHanko sizes the CMS and its timestamp token
        return self.signer.bytes_reserved()

    field_name = SIGNATURE_FIELD

    def cms_for_digest(self, digest: bytes) -> bytes:
        """The DER CMS SignedData (PAdES B-B) over a document's SHA-256
        ``digest``: the template's, with this digest, signed again."""
        import asyncio

        if not self.signs_while_stamping:
            raise ValueError("a timestamped signature is made by sign()")
        self.bytes_reserved()  # builds the template once
        signed = self.signer.signed_data(digest)
        if signed is not None:
            return signed
        built = call_outside_event_loop(
            asyncio.run, self.signer.async_sign(digest, "sha256", use_pades=True)
        )
        return built.dump()

    def catalog_entries(self) -> dict:
        """What a signature adds to the catalog besides the form (the ESIC
        developer extension of PAdES; no ``/Version``, the file stays PDF
        1.7), read once from a signature pyHanko applies to a one-page
        document: serialised values, by key."""
        if self._catalog_entries is None:
            from pyhanko.pdf_utils.reader import PdfFileReader

            signed = PadesSigner.sign(self, _blank_pdf())
            catalog = PdfFileReader(io.BytesIO(signed)).root
            entries = {}
            for key in ("/Extensions", "/Version"):
                if key in catalog:
                    stream = io.BytesIO()
                    catalog.raw_get(key).write_to_stream(stream, None)
                    entries[key[1:]] = stream.getvalue()
            self._catalog_entries = entries
        return self._catalog_entries

    _catalog_entries = None


def _blank_pdf() -> bytes:
    """A one-page PDF, to see what a signature adds to a catalog."""
    import pydyf

    document = pydyf.PDF()
    document.add_page(
        pydyf.Dictionary(
            {
                "Type": "/Page",
                "Parent": document.pages.reference,
                "MediaBox": pydyf.Array([0, 0, 10, 10]),
            }
        )
    )
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def sign_pdf(pdf_bytes: bytes, *, issuer_code: str, reason: str = "") -> bytes:
    """Sign with the issuer's certificate from ``LMS_KEY_DIR``."""
    return PadesSigner.for_issuer(issuer_code).sign(pdf_bytes, reason=reason)


def validate_pdf(pdf_bytes: bytes, trust_roots, *, reader=None) -> SignatureReport:
    """Validate the last signature with ``trust_roots`` (certificates) only.

    ``reader``: a pyHanko reader already open on ``pdf_bytes`` (the
    sandbox's, see :mod:`.sandbox`). Never raises for a damaged file: the
    report says what failed.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        if reader is None:
            reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = reader.embedded_signatures
    except MemoryError:
        raise
    except Exception as exc:  # pyHanko raises many types for broken files
        return SignatureReport(False, reason=f"the PDF cannot be read: {exc}")
    if not signatures:
        return SignatureReport(False, reason="the PDF has no signature")
    context = ValidationContext(
        trust_roots=[_asn1_certificate(c) for c in trust_roots],
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    embedded = signatures[-1]
    try:
        status = call_outside_event_loop(validate_pdf_signature, embedded, context)
    except MemoryError:
        raise
    except Exception as exc:  # a malformed signature must not crash the caller
        return SignatureReport(True, reason=f"the signature cannot be checked: {exc}")
    coverage = getattr(status.coverage, "name", str(status.coverage))
    modification = getattr(
        status.modification_level, "name", str(status.modification_level)
    )
    stamp = status.timestamp_validity
    report = SignatureReport(
        present=True,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        coverage=coverage,
        modification_level=modification,
        signer=status.signing_cert.subject.human_friendly,
        signed_at=status.signer_reported_dt.isoformat()
        if status.signer_reported_dt
        else "",
        timestamped_at=stamp.timestamp.isoformat() if stamp is not None else "",
        timestamp_valid=stamp is not None and bool(stamp.intact and stamp.valid),
        timestamp_trusted=stamp is not None and bool(stamp.trusted),
        details={"summary": status.summary(), "bottom_line": status.bottom_line},
    )
    return _with_reason(report)


def _with_reason(report: SignatureReport) -> SignatureReport:
    if not report.intact:
        reason = "the signed bytes were altered (digest mismatch)"
    elif not report.valid:
        reason = "the cryptographic signature is invalid"
    elif not report.trusted:
        reason = "the signing certificate is not the issuer's"
    elif report.coverage != "ENTIRE_FILE":
        reason = "content was added after the signature"
    else:
        reason = ""
    return SignatureReport(**{**report.__dict__, "reason": reason})


def extract_attachment(
    pdf_bytes: bytes, name: str = ATTACHMENT_NAME, *, budget: Budget | None = None
) -> bytes:
    """The bytes of an embedded file (``credential.json`` by default).

    Looks in the document's EmbeddedFiles name tree, within ``budget`` (each
    tree node visited once, the stream inflated in chunks up to
    ``Budget.max_attachment_bytes``). Raises PdfError when the PDF is
    unreadable or has no such attachment, :class:`.pdfsafe.BudgetExceeded`
    (a PdfError) when reading it would cost more than the budget.
    """
    from pyhanko.pdf_utils.reader import PdfFileReader

    meter = Meter(budget)
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    except Exception as exc:  # pyHanko raises many types for broken files
        raise PdfError(f"the PDF cannot be read: {exc}") from exc
    return read_attachment(reader, meter, name)


def attachment_relationship(pdf_bytes: bytes, name: str = ATTACHMENT_NAME) -> str:
    """The ``/AFRelationship`` of an attachment listed in the catalog's /AF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    for spec in reader.root.get("/AF", []):
        spec = spec.get_object()
        if str(spec.get("/UF", spec.get("/F"))) == name:
            return str(spec.get("/AFRelationship", "")).lstrip("/")
    return ""


def xmp_metadata(pdf_bytes: bytes) -> bytes:
    """The document's XMP metadata packet (decoded), or b"" when absent."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    metadata = reader.root.get("/Metadata")
    return metadata.get_object().data if metadata is not None else b""
