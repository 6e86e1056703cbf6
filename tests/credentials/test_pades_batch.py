"""The batch PAdES signer (precomputed CMS template) produces signatures that
pyHanko validates exactly like its own, and that fail on any altered byte."""

# ruff: noqa: F811 (pytest fixtures imported from test_pdf)

import re

import pytest
from asn1crypto import cms

from certification.credentials import keys, pades, pdf, verify

from .test_pdf import (  # noqa: F401 (fixtures)
    rendered,
    trust_roots,
)


@pytest.fixture
def batch_signer(issuer_keys):
    return pades.BatchPadesSigner.for_issuer("CL")


def _signer_info(data: bytes):
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", data)
    content = cms.ContentInfo.load(bytes.fromhex(match.group(1).decode()))
    return content["content"]["signer_infos"][0]


def test_batch_signature_validates_like_pyhankos_own(rendered, batch_signer):
    plain = pades.sign_pdf(rendered, issuer_code="CL", reason="Emisión")
    for _ in range(3):  # the template is reused from the second document on
        fast = batch_signer.sign(rendered, reason="Emisión")
        assert fast.startswith(rendered)
        report = pades.validate_pdf(fast, trust_roots())
        assert report.ok, report
        assert report.coverage == "ENTIRE_FILE"
        assert report.modification_level == "NONE"
        assert report.signer == pades.validate_pdf(plain, trust_roots()).signer


def test_batch_signature_has_the_pades_b_b_signed_attributes(rendered, batch_signer):
    fast = batch_signer.sign(rendered)
    attrs = [a["type"].native for a in _signer_info(fast)["signed_attrs"]]
    reference = _signer_info(pades.sign_pdf(rendered, issuer_code="CL"))
    plain = [a["type"].native for a in reference["signed_attrs"]]
    assert attrs == plain
    assert attrs == ["content_type", "message_digest", "signing_certificate_v2"]


def test_each_document_gets_its_own_digest_and_signature(
    context, signed_credential, batch_signer
):
    renderer = pdf.CertificateRenderer()
    first, second = (
        batch_signer.sign(
            renderer.render(
                {**context, "holder_name": name}, credential_json=signed_credential
            )
        )
        for name in ("Uno Uno", "Dos Dos")
    )
    one, two = _signer_info(first), _signer_info(second)
    assert one["signature"].native != two["signature"].native
    assert one["signed_attrs"].dump() != two["signed_attrs"].dump()
    for data in (first, second):
        assert pades.validate_pdf(data, trust_roots()).ok


@pytest.mark.parametrize("where", [0.1, 0.5, 0.95])
def test_flipping_a_byte_of_a_batch_signed_pdf_fails(rendered, batch_signer, where):
    signed = batch_signer.sign(rendered)
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", signed)
    offset = int(int(match.group(2)) * where)
    tampered = bytearray(signed)
    tampered[offset] ^= 0x01
    report = verify.verify_pdf(
        bytes(tampered),
        public_keys=keys.verification_methods("CL"),
        trust_roots=trust_roots(),
    )
    assert not report.valid
    signature = next(c for c in report.checks if c.name == "signature")
    assert not signature.passed


def test_rsa_issuer_certificate_signs_through_the_template(rendered, key_dir):
    certificate, private_key = keys.self_signed_certificate(
        "Ministerio de Cultura", "PE", algorithm="rsa-3072"
    )
    signer = pades.BatchPadesSigner(certificate, private_key)
    signer.sign(rendered)
    signed = signer.sign(rendered)  # from the template built by the first one
    report = pades.validate_pdf(signed, [certificate])
    assert report.ok, report
