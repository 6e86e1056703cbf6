"""Learner uploads in S3-compatible object storage (a real SeaweedFS started
by the tests): stored in the bucket's private prefix, served only to the
owner, assessors and officers, never readable from the bucket unsigned."""

import urllib.error
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plugins.models import AttemptFile
from tests.assessments.conftest import start, submit
from tests.factories import UserFactory
from tests.s3 import bucket_keys

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.usefixtures("private_root")


@pytest.fixture
def stored_file(s3_bucket, learner_client, rubric, rubric_lesson):
    attempt = start(learner_client, rubric, rubric_lesson)
    upload = SimpleUploadedFile("plan.pdf", PDF, "application/pdf")
    response = submit(learner_client, attempt, {"text": "Mi plan", "files": [upload]})
    assert response.status_code == 302
    return AttemptFile.objects.get(attempt=attempt)


def test_upload_lands_in_the_bucket_not_on_disk(
    stored_file, s3_bucket, seaweedfs, private_root
):
    assert f"private/{stored_file.file.name}" in bucket_keys(seaweedfs, s3_bucket)
    assert not private_root.exists() or not any(private_root.rglob("*.pdf"))
    url = f"{seaweedfs.endpoint_url}/{s3_bucket}/private/{stored_file.file.name}"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)
    assert refused.value.code == 403
    refused.value.close()


def test_served_to_the_owner_and_assessor_only(stored_file, client, learner, assessor):
    url = f"/assessments/files/{stored_file.pk}/"
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(username="curiosa"))
    assert client.get(url).status_code == 403
    for user in (learner, assessor):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        # Read to the end: the test client then closes the response itself
        # (a direct close() would end the test's database connection).
        assert b"".join(response.streaming_content) == PDF


def test_signed_url_for_the_owner(stored_file, client, learner, settings, seaweedfs):
    settings.LMS_S3_SIGNED_URLS = True
    client.force_login(learner)
    response = client.get(f"/assessments/files/{stored_file.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith(seaweedfs.endpoint_url)
    with urllib.request.urlopen(response["Location"], timeout=10) as signed:
        assert signed.read() == PDF
        assert "plan.pdf" in signed.headers["Content-Disposition"]
