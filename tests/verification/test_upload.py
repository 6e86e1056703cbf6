"""Uploading a certificate PDF: every check reported, altered files caught."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from certification.issuance.lifecycle import credential_revoke
from certification.models import Credential, VerificationLog
from certification.verification.checks import MAX_PDF_BYTES, pdf_verify
from tests.verification.conftest import pdf_of

from .pdfmutations import (
    flip_byte_in_page_content,
    strip_signature,
    swap_attachment,
)


def upload(client, data: bytes, name="certificado.pdf"):
    return client.post(
        "/verify/upload/", {"pdf": SimpleUploadedFile(name, data, "application/pdf")}
    )


def verdict_of(response) -> str:
    match = re.search(rb'data-verdict="([a-z_]+)"', response.content)
    return match.group(1).decode() if match else ""


def failed_checks(response) -> set[str]:
    return set(
        re.findall(r'check-failed" data-check="([a-z]+)"', response.content.decode())
    )


def checks(result) -> dict:
    return {c.name: c.passed for c in result.report.checks}


def test_genuine_pdf_passes_every_check(client, issued):
    response = upload(client, pdf_of(issued))

    assert response.status_code == 200
    assert verdict_of(response) == "valid"
    assert failed_checks(response) == set()
    html = response.content.decode()
    for label in (
        "Credencial incrustada presente",
        "Firma digital de la credencial",
        "Firma PAdES del PDF",
        "Archivo idéntico al emitido",
        "Estado actual en el registro del emisor",
    ):
        assert label in html
    assert VerificationLog.objects.get().method == "upload"


def test_each_check_passes_for_the_issued_file(issued):
    result = pdf_verify(pdf_of(issued))

    assert checks(result) == {
        "attachment": True,
        "proof": True,
        "signature": True,
        "hash": True,
        "status": True,
    }
    assert result.credential == issued


def test_edited_page_content_is_altered_and_the_signature_check_says_so(client, issued):
    response = upload(client, flip_byte_in_page_content(pdf_of(issued)))

    assert verdict_of(response) == "altered"
    assert "Alterado" in response.content.decode()
    assert {"signature", "hash"} <= failed_checks(response)


def test_attachment_swapped_from_another_certificate_is_altered(issue):
    first, second = issue(name="Ana Primera"), issue(name="Berta Segunda")

    forged = swap_attachment(pdf_of(first), pdf_of(second))
    result = pdf_verify(forged)

    assert result.verdict == "altered"
    assert checks(result)["attachment"] is True
    assert checks(result)["proof"] is True  # a genuine credential, wrong file
    assert checks(result)["signature"] is False
    assert checks(result)["hash"] is False


def test_stripped_signature_is_altered(issued):
    result = pdf_verify(strip_signature(pdf_of(issued)))

    assert result.verdict == "altered"
    assert checks(result)["signature"] is False


def test_hash_check_fails_alone_when_the_record_disagrees(issued):
    Credential.objects.filter(pk=issued.pk).update(pdf_sha256="0" * 64)
    issued.events.update(pdf_sha256="")

    result = pdf_verify(pdf_of(issued))

    assert result.verdict == "altered"
    assert [c.name for c in result.report.failed] == ["hash"]


def test_status_check_fails_alone_for_a_revoked_credential(issued):
    credential_revoke(credential=issued, actor=None, reason="Error de emisión")

    result = pdf_verify(pdf_of(issued))

    assert result.verdict == "revoked"
    assert [c.name for c in result.report.failed] == ["status"]
    assert "Error de emisión" in result.report.failed[0].reason


def test_superseded_revision_is_recognised(issued):
    """A genuine file whose hash is in the history but not current."""
    old_hash = issued.pdf_sha256
    Credential.objects.filter(pk=issued.pk).update(pdf_sha256="1" * 64)
    assert issued.events.filter(pdf_sha256=old_hash).exists()

    assert pdf_verify(pdf_of(issued)).verdict == "superseded"


def test_non_pdf_is_unreadable(client, db):
    response = upload(client, b"GIF89a" + b"\x00" * 200, name="foto.pdf")

    assert response.status_code == 200
    assert verdict_of(response) == "unreadable"


def test_empty_file_is_a_form_error(client, db):
    response = upload(client, b"")

    assert response.status_code == 400
    assert "vacío" in response.content.decode()


def test_oversized_file_is_rejected_with_413(client, db):
    response = upload(client, b"%PDF-1.7\n" + b"0" * MAX_PDF_BYTES)

    assert response.status_code == 413
    assert "supera el tamaño máximo" in response.content.decode()


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_truncated_pdf_is_altered_never_an_error(client, issued, keep):
    data = pdf_of(issued)
    response = upload(client, data[: int(len(data) * keep)])

    assert response.status_code == 200
    assert verdict_of(response) == "altered"


def test_garbage_after_a_pdf_header_is_altered(client, db):
    response = upload(client, b"%PDF-1.7\n" + bytes(range(256)) * 40)

    assert response.status_code == 200
    assert verdict_of(response) == "altered"


def test_upload_without_a_file_is_a_form_error(client, db):
    assert client.post("/verify/upload/", {}).status_code == 400


def test_uploads_over_the_limit_get_429(client, issued, settings):
    settings.LMS_VERIFY_RATE_LIMITS = {"upload": (2, 60)}
    data = pdf_of(issued)

    statuses = [upload(client, data).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
