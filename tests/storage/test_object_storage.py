"""Credentials in S3-compatible object storage (a real SeaweedFS started by
the tests): issue, download, verify and revoke with the files in the bucket;
nothing in it readable without a signature."""

import time
import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certification.issuance.lifecycle import credential_revoke
from certification.issuance.storage import artefact_read
from tests.factories import UserFactory
from tests.s3 import bucket_keys, storages_for
from tests.verification.conftest import issue_for
from tests.verification.test_pages import verdict_of
from tests.verification.test_upload import failed_checks


def http_get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read(), dict(error.headers)


def upload(client, data: bytes):
    return client.post(
        "/verify/upload/",
        {"pdf": SimpleUploadedFile("certificado.pdf", data, "application/pdf")},
    )


@pytest.fixture
def issued(s3_bucket, program, django_capture_on_commit_callbacks):
    return issue_for(program, django_capture_on_commit_callbacks)


def test_issued_files_live_in_the_bucket_and_not_on_disk(
    issued, s3_bucket, seaweedfs, settings
):
    keys = bucket_keys(seaweedfs, s3_bucket)
    for name in (issued.pdf_file, issued.json_file, issued.jwt_file):
        assert f"credentials/{name}" in keys
    local = settings.PRIVATE_MEDIA_ROOT / "credentials"
    assert not local.exists() or not any(local.rglob("*.pdf"))
    stored = seaweedfs.client().get_object(
        Bucket=s3_bucket, Key=f"credentials/{issued.pdf_file}"
    )
    assert stored["Body"].read() == artefact_read(issued.pdf_file)
    assert stored["Body"] is not None


def test_objects_are_refused_without_a_signature(issued, s3_bucket, seaweedfs):
    for name in (issued.pdf_file, issued.json_file):
        url = f"{seaweedfs.endpoint_url}/{s3_bucket}/credentials/{name}"
        status, _body, _headers = http_get(url)
        assert status == 403
    # Nor can the bucket be listed anonymously.
    assert http_get(f"{seaweedfs.endpoint_url}/{s3_bucket}/")[0] == 403


def test_learner_downloads_their_files_others_are_refused(issued, client):
    url = reverse("credentials:download", args=[issued.public_id, "pdf"])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(issued.holder)
    response = client.get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response.content == artefact_read(issued.pdf_file)
    assert response["Cache-Control"] == "private, no-store"
    for kind in ("json", "jwt"):
        answer = client.get(
            reverse("credentials:download", args=[issued.public_id, kind])
        )
        assert answer.status_code == 200 and answer.content


def test_verify_by_id_and_by_upload_then_revoke(issued, client):
    pdf = artefact_read(issued.pdf_file)
    page = client.get(f"/verify/{issued.public_id}/")
    assert page.status_code == 200 and verdict_of(page) == "valid"
    checked = upload(client, pdf)
    assert verdict_of(checked) == "valid"
    assert failed_checks(checked) == set()
    assert "Archivo idéntico al emitido" in checked.content.decode()

    credential_revoke(credential=issued, actor=None, reason="Fraude documental")

    page = client.get(f"/verify/{issued.public_id}/")
    assert verdict_of(page) == "revoked"
    assert "Fraude documental" in page.content.decode()
    assert verdict_of(upload(client, pdf)) == "revoked"


def test_signed_download_urls_work_for_the_holder_then_expire(
    issued, client, settings, seaweedfs, s3_bucket
):
    settings.LMS_S3_SIGNED_URLS = True
    settings.STORAGES = storages_for(seaweedfs, s3_bucket, url_seconds=2)
    url = reverse("credentials:download", args=[issued.public_id, "pdf"])
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert seaweedfs.endpoint_url not in anonymous["Location"]
    client.force_login(issued.holder)
    response = client.get(url)
    assert response.status_code == 302
    signed = response["Location"]
    assert signed.startswith(f"{seaweedfs.endpoint_url}/{s3_bucket}/credentials/")
    assert "X-Amz-Signature=" in signed

    status, body, headers = http_get(signed)
    assert status == 200
    assert body == artefact_read(issued.pdf_file)
    assert f"certificado-{issued.public_id}.pdf" in headers["Content-Disposition"]
    # The signature covers the object's name: another object is refused.
    assert http_get(signed.replace(issued.pdf_file, issued.json_file))[0] == 403

    time.sleep(3)  # past the two seconds the URL was signed for
    assert http_get(signed)[0] == 403
