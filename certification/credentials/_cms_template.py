"""A pyHanko signer that fills a precomputed CMS SignedData per document.

The first signature is built by pyHanko itself (``SimpleSigner.async_sign``
with PAdES settings) over a sentinel digest. Its DER is cut into the parts that
never change (content type, digest algorithms, encapsulated content info,
certificates, signer identifier, algorithms) and the signed attributes, where
only the 32-byte message digest differs between documents. Each later call
puts the document's digest in the signed attributes, signs their DER ``SET``
with ``cryptography`` and joins the parts with fresh DER lengths: the output is
the same structure pyHanko would have built, without asn1crypto's per-object
cost.
"""

from __future__ import annotations

import os

from asn1crypto import cms
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.sign import signers

DIGEST_ALGORITHM = "sha256"
# Extra room in the placeholder: an ECDSA signature's DER length varies by a
# few bytes from one document to the next.
SIGNATURE_SLACK = 64


def der_length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def der(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + der_length(len(content)) + content


class CmsTemplate:
    """The fixed parts of one signer's PAdES B-B SignedData."""

    def __init__(self, content_info: cms.ContentInfo, sentinel: bytes):
        signed_data = content_info["content"]
        signer_info = signed_data["signer_infos"][0]
        if (
            len(signed_data["signer_infos"]) != 1
            or signer_info["unsigned_attrs"].native
        ):
            raise ValueError("unexpected CMS layout for a PAdES B-B template")
        attrs = signer_info["signed_attrs"].dump()
        if attrs.count(sentinel) != 1 or attrs[0] != 0xA0:
            raise ValueError("the message digest is not found in the template")
        at = attrs.index(sentinel)
        self.attrs_head, self.attrs_tail = attrs[:at], attrs[at + len(sentinel) :]
        self.content_type = content_info["content_type"].dump()
        self.signed_data_head = b"".join(
            signed_data[name].dump()
            for name in ("version", "digest_algorithms", "encap_content_info")
        ) + b"".join(
            signed_data[name].dump()
            for name in ("certificates", "crls")
            if signed_data[name].native
        )
        self.signer_info_head = b"".join(
            signer_info[name].dump() for name in ("version", "sid", "digest_algorithm")
        )
        self.signature_algorithm = signer_info["signature_algorithm"]
        self.size = len(content_info.dump())

    def signed_attributes(self, digest: bytes) -> bytes:
        """The signed attributes as ``[0] IMPLICIT`` (as stored in SignerInfo)."""
        return self.attrs_head + digest + self.attrs_tail

    def content_info(self, signed_attrs: bytes, signature: bytes) -> bytes:
        signer_info = der(
            0x30,
            self.signer_info_head
            + signed_attrs
            + self.signature_algorithm.dump()
            + der(0x04, signature),
        )
        signed_data = der(0x30, self.signed_data_head + der(0x31, signer_info))
        return der(0x30, self.content_type + der(0xA0, signed_data))


class TemplateCmsSigner(signers.SimpleSigner):
    """``SimpleSigner`` whose PAdES signatures reuse a :class:`CmsTemplate`.

    ``private_key`` (a ``cryptography`` key) must be set after construction.
    Anything but a plain PAdES signature over SHA-256 (a dry run, a
    timestamper, extra signed attributes) goes through pyHanko unchanged.
    """

    private_key = None
    _template: CmsTemplate | None = None

    async def template(self) -> CmsTemplate:
        if self._template is None:
            sentinel = os.urandom(32)
            built = await super().async_sign(sentinel, DIGEST_ALGORITHM, use_pades=True)
            self._template = CmsTemplate(built, sentinel)
        return self._template

    def bytes_reserved(self) -> int:
        import asyncio

        from ._loop import call_outside_event_loop

        if self._template is None:
            call_outside_event_loop(asyncio.run, self.template())
        # pyHanko counts the hexadecimal digits of the /Contents string.
        return 2 * (self._template.size + SIGNATURE_SLACK)

    def signed_data(self, digest: bytes) -> bytes | None:
        """The DER ContentInfo of the template with this SHA-256 ``digest``,
        its signed attributes signed again; None when ``cryptography`` cannot
        sign with this key (pyHanko must build the CMS). Needs the template
        (:meth:`bytes_reserved` builds it)."""
        template = self._template
        attrs = template.signed_attributes(digest)
        # The signature covers the attributes' DER as a SET (RFC 5652 5.4).
        signature = self._raw_signature(b"\x31" + attrs[1:])
        if signature is None:
            return None
        return template.content_info(attrs, signature)

    def _raw_signature(self, data: bytes) -> bytes | None:
        mechanism = self._template.signature_algorithm.signature_algo
        key = self.private_key
        if mechanism == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(hashes.SHA256()))
        if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return None

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run=False,
        use_pades=False,
        timestamper=None,
        signed_attr_settings=None,
        is_pdf_sig=True,
        encap_content_info=None,
    ) -> cms.ContentInfo:
        plain = (
            use_pades
            and not dry_run
            and timestamper is None
            and encap_content_info is None
            and is_pdf_sig
            and digest_algorithm == DIGEST_ALGORITHM
            and len(data_digest) == 32
            and _only_defaults(signed_attr_settings)
        )
        if plain:
            await self.template()
            signed = self.signed_data(data_digest)
            if signed is not None:
                return cms.ContentInfo.load(signed)
        return await super().async_sign(
            data_digest,
            digest_algorithm,
            dry_run=dry_run,
            use_pades=use_pades,
            timestamper=timestamper,
            signed_attr_settings=signed_attr_settings,
            is_pdf_sig=is_pdf_sig,
            encap_content_info=encap_content_info,
        )


def _only_defaults(settings) -> bool:
    """PAdES signed attributes depend on nothing but the digest: true when no
    revocation info or CAdES attribute is asked for (the signing time is not a
    signed attribute in PAdES)."""
    if settings is None:
        return True
    return settings.adobe_revinfo_attr is None and not settings.cades_signed_attrs
