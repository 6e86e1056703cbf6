"""The certificate PDF: PDF/A-3b, attachment, text, signature, tampering and
offline verification. A rendered page image is kept in test-artifacts/."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from certification.credentials import keys, pades, pdf, verify

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def rendered(context, signed_credential):
    return pdf.CertificateRenderer().render(context, credential_json=signed_credential)


@pytest.fixture
def signed_pdf(rendered, issuer_keys):
    return pades.sign_pdf(rendered, issuer_code="CL", reason="Emisión")


def trust_roots():
    return [keys.load_signing_certificate("CL").certificate]


def pdftotext(data: bytes, tmp_path) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_pdf_is_pdf_a_3b_by_its_xmp_metadata(rendered):
    assert rendered.startswith(b"%PDF-1.7")
    xmp = pades.xmp_metadata(rendered)
    assert b"<x:xmpmeta" in xmp
    part = re.search(rb"pdfaid:part(?:>|=\")(\d)", xmp)
    conformance = re.search(rb"pdfaid:conformance(?:>|=\")([AB])", xmp)
    assert part and part.group(1) == b"3"
    assert conformance and conformance.group(1) == b"B"


def test_credential_json_is_attached_as_data(rendered, signed_credential):
    attached = json.loads(pades.extract_attachment(rendered))
    assert attached == signed_credential
    assert pades.attachment_relationship(rendered) == "Data"


def test_text_carries_holder_program_and_public_id(rendered, tmp_path):
    text = pdftotext(rendered, tmp_path)
    assert "Ana María Pérez Núñez" in text
    assert "Editor/a de libros" in text
    assert "3f9c2a7e8b1d4c6fa0e5b7d9c1f3a5e7" in text
    assert "1 de marzo de 2026" in text and "1 March 2026" in text


def test_fonts_come_from_the_project_and_are_embedded(rendered, tmp_path):
    path = tmp_path / "c.pdf"
    path.write_bytes(rendered)
    fonts = subprocess.run(
        ["pdffonts", str(path)], check=True, capture_output=True, text=True
    ).stdout
    rows = fonts.splitlines()[2:]
    assert rows
    # Only the @font-face families of certificate.css (the shipped DejaVu).
    assert {row.split()[0].split("+")[1] for row in rows} == {
        "Cert-Sans",
        "Cert-Sans-Bold",
        "Cert-Sans-Italic",
        "Cert-Serif",
        "Cert-Serif-Bold",
        "Cert-Serif-Italic",
    }
    assert all(" yes " in row for row in rows)  # embedded


def test_qr_code_is_vector_not_an_image(rendered, tmp_path):
    path = tmp_path / "c.pdf"
    path.write_bytes(rendered)
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout
    assert len(images.splitlines()) == 2  # header lines only


def test_rendered_page_image_is_kept(signed_pdf, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    source = tmp_path / "certificate.pdf"
    source.write_bytes(signed_pdf)
    (ARTIFACTS / "certificate.pdf").write_bytes(signed_pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-singlefile", str(source),
         str(ARTIFACTS / "certificate")],
        check=True,
    )  # fmt: skip
    assert (ARTIFACTS / "certificate.png").stat().st_size > 10_000


def test_pades_signature_validates_with_the_issuer_certificate(signed_pdf, rendered):
    assert signed_pdf.startswith(rendered)  # incremental update, PDF/A kept
    report = pades.validate_pdf(signed_pdf, trust_roots())
    assert report.ok, report
    assert report.coverage == "ENTIRE_FILE"
    assert "Ministerio de las Culturas" in report.signer


def test_signature_is_untrusted_with_another_root(signed_pdf, key_dir):
    keys.issuer_keys_generate(issuer_code="PE", organisation="Ministerio de Cultura")
    other = keys.load_signing_certificate("PE").certificate
    report = pades.validate_pdf(signed_pdf, [other])
    assert not report.ok
    assert report.intact
    assert "certificate" in report.reason


def test_offline_verification_passes_for_the_issued_pdf(signed_pdf):
    report = verify.verify_pdf(
        signed_pdf,
        public_keys=keys.public_keys_from_did_document(keys.did_document("CL")),
        trust_roots=trust_roots(),
    )
    assert report.valid, report.as_dict()
    assert [c.name for c in report.checks] == ["attachment", "proof", "signature"]


def _signed_range_offsets(data: bytes) -> list[int]:
    """Offsets inside the signed byte ranges, away from the signature value."""
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data)
    start1, len1, start2, len2 = (int(x) for x in match.groups())
    return [start1 + 200, start1 + len1 // 2, start1 + len1 - 300, start2 + len2 // 3]


@pytest.mark.parametrize("which", range(4))
def test_flipping_one_signed_byte_makes_verification_fail(signed_pdf, which):
    offset = _signed_range_offsets(signed_pdf)[which]
    tampered = bytearray(signed_pdf)
    tampered[offset] ^= 0x01
    report = verify.verify_pdf(
        bytes(tampered),
        public_keys=keys.verification_methods("CL"),
        trust_roots=trust_roots(),
    )
    assert not report.valid
    signature = next(c for c in report.checks if c.name == "signature")
    assert not signature.passed
    assert signature.reason


def test_changing_one_credential_field_fails_the_proof_check(
    context, signed_credential, issuer_keys
):
    forged = json.loads(json.dumps(signed_credential))
    forged["validUntil"] = "2099-03-01T15:30:00Z"
    data = pades.sign_pdf(
        pdf.CertificateRenderer().render(context, credential_json=forged),
        issuer_code="CL",
    )
    report = verify.verify_pdf(
        data, public_keys=keys.verification_methods("CL"), trust_roots=trust_roots()
    )
    assert not report.valid
    assert [c.name for c in report.failed] == ["proof"]


def test_content_appended_after_signing_is_reported(signed_pdf):
    tampered = signed_pdf + b"\n% appended\n"
    report = pades.validate_pdf(tampered, trust_roots())
    assert not report.ok


def test_non_pdf_and_unsigned_pdf_get_failed_checks_not_errors(rendered):
    for data in (b"", b"hello", b"%PDF-1.7\n%broken"):
        report = verify.verify_pdf(
            data, public_keys=keys.verification_methods("CL"), trust_roots=[]
        )
        assert not report.valid
        assert all(c.reason for c in report.failed)
    unsigned = pades.validate_pdf(rendered, trust_roots())
    assert not unsigned.present and unsigned.reason == "the PDF has no signature"


def test_batch_renderer_produces_one_pdf_per_certificate(context, signed_credential):
    contexts = [
        {**context, "holder_name": name, "public_id": f"id{index}"}
        for index, name in enumerate(["Uno Uno", "Dos Dos", "Tres Tres"])
    ]
    outputs = pdf.CertificateRenderer().render_many(
        [(c, signed_credential, None) for c in contexts]
    )
    assert len(outputs) == 3
    for output, ctx in zip(outputs, contexts, strict=True):
        assert ctx["holder_name"].encode() not in output  # text is in font glyphs
        assert json.loads(pades.extract_attachment(output)) == signed_credential


def test_missing_context_field_gets_a_clear_error(context, signed_credential):
    del context["holder_name"]
    with pytest.raises(pdf.CertificateRenderError, match="holder_name"):
        pdf.CertificateRenderer().render(context, credential_json=signed_credential)


def _page_png(data: bytes, tmp_path, name: str) -> bytes:
    (tmp_path / f"{name}.pdf").write_bytes(data)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-singlefile", str(tmp_path / f"{name}.pdf"),
         str(tmp_path / name)],
        check=True,
    )  # fmt: skip
    return (tmp_path / f"{name}.png").read_bytes()


def xmp_title(data: bytes) -> str:
    match = re.search(rb"<dc:title>(.*?)</dc:title>", pades.xmp_metadata(data), re.S)
    return match.group(1).decode()
