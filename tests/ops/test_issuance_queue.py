"""The issuance queue in the CMS: waiting, running, failed and retried
credentials, the retry button (POST, officers of the issuer only, audited),
and a failed build that leaves nothing of the credential visible."""

import re

import pytest
from celery.exceptions import Retry

from certification.issuance.queue import issuance_queue_counts
from certification.issuance.selectors import credential_public_get
from certification.issuance.service import credential_bulk_issue
from certification.issuance.tasks import issue_credentials_batch
from certification.models import Credential, CredentialStatus
from lms.audit.models import AuditAction, AuditEntry
from tests.certification.conftest import make_issuer
from tests.factories import UserFactory
from tests.helpers import storage_block

from .conftest import keys_restore


def test_a_failed_build_leaves_nothing_issued(failed, settings):
    failed.refresh_from_db()
    assert failed.status == CredentialStatus.PENDING
    assert "missing" in failed.last_error or "no Ed25519 key" in failed.last_error
    assert failed.issuance_attempts == 1
    assert (failed.pdf_file, failed.json_file, failed.jwt_file) == ("", "", "")
    assert not failed.events.filter(kind="issued").exists()
    assert credential_public_get(failed.public_id) is None
    stored = list(settings.PRIVATE_MEDIA_ROOT.rglob("*"))
    assert not [path for path in stored if failed.public_id in str(path)]
    assert issuance_queue_counts() == {
        "waiting": 0,
        "running": 0,
        "failed": 1,
        "retried": 0,
    }


def test_the_queue_lists_the_failure_and_retry_issues_it(
    failed, chile_officer, client, django_capture_on_commit_callbacks
):
    page = client.get("/admin/credentials/queue/").content.decode()
    assert failed.public_id in page
    assert 'data-queue-count="failed">1<' in page
    retry_url = f"/admin/credentials/queue/{failed.public_id}/retry/"
    assert f'action="{retry_url}"' in page

    assert client.get(retry_url).status_code == 405  # POST only
    keys_restore(failed)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(retry_url)
    assert response.status_code == 302

    failed.refresh_from_db()
    assert failed.status == CredentialStatus.ACTIVE
    assert failed.last_error == ""
    assert failed.issuance_attempts == 2
    assert credential_public_get(failed.public_id) is not None
    entry = AuditEntry.objects.get(action=AuditAction.CREDENTIAL_RETRIED)
    assert entry.actor_id == chile_officer.pk
    assert entry.object_id == str(failed.pk)
    assert "missing" in entry.before["last_error"] or entry.before["last_error"]
    assert entry.country == "CL"

    retried = client.get("/admin/credentials/queue/?state=retried").content.decode()
    assert failed.public_id in retried and "Reintentar</button>" not in retried
    assert 'data-queue-count="failed">0<' in retried

    # Nothing left to retry: said so, nothing audited twice.
    client.post(retry_url)
    assert AuditEntry.objects.filter(action=AuditAction.CREDENTIAL_RETRIED).count() == 1


def test_a_retry_that_fails_again_stays_failed_and_counted(
    failed, chile_officer, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/credentials/queue/{failed.public_id}/retry/")
    assert response.status_code == 302  # the in-process failure is logged
    failed.refresh_from_db()
    assert failed.status == CredentialStatus.PENDING and failed.last_error
    assert failed.issuance_attempts == 2
    assert issuance_queue_counts()["failed"] == issuance_queue_counts()["retried"] == 1


def test_another_countrys_officer_cannot_see_or_retry(failed, client, groups):
    make_issuer("PE")
    peru = UserFactory(username="oficial-pe")
    peru.groups.add(groups["PE"])
    client.force_login(peru)
    page = client.get("/admin/credentials/queue/?state=failed").content.decode()
    assert failed.public_id not in page
    assert re.search(r'data-queue-count="failed">0<', page)
    response = client.post(f"/admin/credentials/queue/{failed.public_id}/retry/")
    assert response.status_code == 403
    failed.refresh_from_db()
    assert failed.last_error
    assert not AuditEntry.objects.filter(action=AuditAction.CREDENTIAL_RETRIED)


def test_a_learner_gets_403_from_the_queue(client, db):
    client.force_login(UserFactory())
    assert client.get("/admin/credentials/queue/").status_code in {302, 403}


def test_a_chunk_whose_retries_run_out_is_failed_in_the_queue(
    program, chile_officer, client, django_capture_on_commit_callbacks
):
    """When the chunk task's last try meets a transient failure (in-process,
    the first try is the last: nothing would retry it), the credentials it
    left pending are failed (the error kept, nothing of them issued) and the
    officer retries them from the CMS; the one it had nothing to do for stays
    active. The same on a real worker: tests/issuance/test_worker.py."""
    users = [UserFactory(legal_name=name) for name in ("Ana", "Benjamín", "Camila")]
    with django_capture_on_commit_callbacks() as callbacks:
        pending = credential_bulk_issue(
            users=users, program=program, issued_by=None, force=True
        )
    issue_credentials_batch.delay([pending[0].pk]).get()
    blocker = storage_block(pending[1])

    with pytest.raises(Retry):
        for callback in callbacks:  # the chunk of all three
            callback()

    rows = {c.pk: c for c in Credential.objects.filter(pk__in=[c.pk for c in pending])}
    done, *stuck = (rows[c.pk] for c in pending)
    assert done.status == CredentialStatus.ACTIVE and done.last_error == ""
    for credential in stuck:
        assert credential.status == CredentialStatus.PENDING
        assert credential.last_error  # why, for the officers
        assert "Not a directory" in credential.last_error
        assert credential.issuance_attempts == 1
        assert (credential.pdf_file, credential.json_file, credential.jwt_file) == (
            "",
            "",
            "",
        )
        assert not credential.events.filter(kind="issued").exists()
        assert credential_public_get(credential.public_id) is None
    counts = issuance_queue_counts()
    assert counts["failed"] == 2 and counts["running"] == counts["waiting"] == 0

    page = client.get("/admin/credentials/queue/?state=failed").content.decode()
    for credential in stuck:
        retry_url = f"/admin/credentials/queue/{credential.public_id}/retry/"
        assert f'action="{retry_url}"' in page

    blocker.unlink()  # the disk is back
    for credential in stuck:
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/credentials/queue/{credential.public_id}/retry/")
        credential.refresh_from_db()
        assert credential.status == CredentialStatus.ACTIVE
        assert credential_public_get(credential.public_id) is not None
    assert AuditEntry.objects.filter(action=AuditAction.CREDENTIAL_RETRIED).count() == 2
    assert issuance_queue_counts()["failed"] == 0
