"""The signed certificate stays a PDF 1.7 (PDF/A-3b) file, PAdES baseline B
valid over the whole file, whichever way it is signed; with a time-stamping
authority the signature carries an RFC 3161 signature timestamp (B-T).

The file is read with qpdf (syntax check, header and final catalog) besides
pyHanko; the timestamp server is a real HTTP server the tests start."""

import datetime as dt
import json
import re
import subprocess

import pytest
from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ed25519

from certification.credentials import keys, pades, pdf

from .test_stamping import MOMENT
from .tsa_server import running_tsa, unreachable_url


@pytest.fixture
def tsa():
    with running_tsa() as authority:
        yield authority


def qpdf_check(data: bytes, tmp_path) -> dict:
    """qpdf --check passes; returns the header version and final catalog."""
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
    dump = json.loads(
        subprocess.run(
            ["qpdf", "--json=2", "--json-key=qpdf", str(path)],
            check=True,
            capture_output=True,
        ).stdout
    )
    header, objects = dump["qpdf"]
    root = objects["trailer"]["value"]["/Root"]
    return {
        "version": header["pdfversion"],
        "catalog": objects[f"obj:{root}"]["value"],
    }


def assert_pdf_17(data: bytes, tmp_path) -> None:
    assert data.startswith(b"%PDF-1.7\n")
    read = qpdf_check(data, tmp_path)
    assert read["version"] == "1.7"
    catalog = read["catalog"]
    assert catalog.get("/Version", "/1.7") == "/1.7"
    extensions = catalog.get("/Extensions", {})
    assert "/ISO_" not in extensions
    for extension in extensions.values():
        for entry in extension if isinstance(extension, list) else [extension]:
            assert entry["/BaseVersion"] == "/1.7"
    assert "/AcroForm" in catalog
    # PDF/A-3b by its metadata, in the signed revision too.
    xmp = pades.xmp_metadata(data)
    assert re.search(rb"pdfaid:part(?:>|=\")3", xmp)
    assert re.search(rb"pdfaid:conformance(?:>|=\")B", xmp)


def signer_info(data: bytes):
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]+)>", data)
    content = cms.ContentInfo.load(bytes.fromhex(match.group(1).decode()))
    return content["content"]["signer_infos"][0]


@pytest.mark.parametrize("algorithm", ["ec-p256", "rsa-3072"])
@pytest.mark.parametrize("way", ["pyhanko", "batch", "stamped"])
def test_signed_certificate_stays_pdf_17_and_valid(
    context, signed_credential, key_dir, tmp_path, algorithm, way
):
    certificate, private_key = keys.self_signed_certificate(
        "Ministerio de las Culturas", "CL", algorithm=algorithm
    )
    renderer = pdf.CertificateRenderer()
    item = (context, signed_credential, MOMENT)
    if way == "pyhanko":
        signer = pades.PadesSigner(certificate, private_key)
        data = signer.sign(renderer.render_many([item])[0], reason="Emisión")
    elif way == "batch":
        signer = pades.BatchPadesSigner(certificate, private_key)
        data = signer.sign(renderer.render_many([item])[0], reason="Emisión")
    else:
        signer = pades.BatchPadesSigner(certificate, private_key)
        [data] = renderer.render_many([item], signer=signer, reasons=["Emisión"])
        assert renderer.stamped == 1
    assert_pdf_17(data, tmp_path)
    report = pades.validate_pdf(data, [certificate])
    assert report.ok, report
    assert report.coverage == "ENTIRE_FILE"
    assert not report.timestamped_at


def test_an_eddsa_certificate_is_refused_for_pdf_signing(key_dir):
    key = ed25519.Ed25519PrivateKey.generate()
    certificate, _ = keys.self_signed_certificate("Ministerio", "CL")
    eddsa = (
        x509.CertificateBuilder()
        .subject_name(certificate.subject)
        .issuer_name(certificate.subject)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(certificate.not_valid_before_utc)
        .not_valid_after(certificate.not_valid_after_utc)
        .sign(key, None)
    )
    with pytest.raises(ValueError, match="PDF 1.7"):
        pades.PadesSigner(eddsa, key)


@pytest.mark.parametrize("way", ["pyhanko", "batch", "stamped"])
def test_a_tsa_gives_the_signature_a_valid_timestamp(
    context, signed_credential, issuer_keys, tmp_path, tsa, way
):
    renderer = pdf.CertificateRenderer()
    item = (context, signed_credential, MOMENT)
    before = dt.datetime.now(dt.UTC)
    if way == "pyhanko":
        signer = pades.PadesSigner.for_issuer("CL", tsa_url=tsa.url)
        data = signer.sign(renderer.render_many([item])[0], reason="Emisión")
    elif way == "batch":
        signer = pades.BatchPadesSigner.for_issuer("CL", tsa_url=tsa.url)
        data = signer.sign(renderer.render_many([item])[0], reason="Emisión")
    else:
        signer = pades.BatchPadesSigner.for_issuer("CL", tsa_url=tsa.url)
        [data] = renderer.render_many([item], signer=signer, reasons=["Emisión"])
        assert renderer.stamped == 1
    assert tsa.requests, "the authority was asked"
    unsigned = [a["type"].native for a in signer_info(data)["unsigned_attrs"]]
    assert unsigned == ["signature_time_stamp_token"]
    issuer_root = keys.load_signing_certificate("CL").certificate
    # Trusting the issuer only: the signature is whole and valid, the token
    # intact and validly signed (its authority is not trusted then).
    report = pades.validate_pdf(data, [issuer_root])
    assert report.ok, report
    assert report.timestamp_valid and not report.timestamp_trusted
    # Trusting the authority's CA too: B-T, the timestamp trusted.
    report = pades.validate_pdf(data, [issuer_root, tsa.root])
    assert report.ok, report
    assert report.timestamp_valid and report.timestamp_trusted, report.details
    stamped_at = dt.datetime.fromisoformat(report.timestamped_at)
    assert before - dt.timedelta(seconds=5) <= stamped_at <= dt.datetime.now(dt.UTC)
    assert_pdf_17(data, tmp_path)
    # A changed byte breaks it as before.
    tampered = bytearray(data)
    tampered[len(data) // 3] ^= 0x01
    assert not pades.validate_pdf(bytes(tampered), [issuer_root, tsa.root]).ok


def test_an_unreachable_tsa_fails_the_signature_cleanly(rendered_plain, issuer_keys):
    signer = pades.BatchPadesSigner.for_issuer("CL", tsa_url=unreachable_url())
    with pytest.raises(pades.TimestampUnavailable, match="no timestamp from"):
        signer.sign(rendered_plain)
    assert isinstance(pades.TimestampUnavailable("x"), OSError)  # retried


@pytest.fixture
def rendered_plain(context, signed_credential):
    return pdf.CertificateRenderer().render_many(
        [(context, signed_credential, MOMENT)]
    )[0]
