"""Suspend, reinstate, revoke, expire and reissue; the published status lists."""

import datetime as dt
import json
import subprocess

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from certification.credentials.keys import issuer_did, load_public_keys
from certification.credentials.proof import verify_document
from certification.credentials.statuslist import (
    STATUS_REVOKED,
    STATUS_SUSPENDED,
    status_check,
    status_entry,
    status_read,
)
from certification.issuance.lifecycle import (
    LifecycleError,
    credential_expire,
    credential_reinstate,
    credential_reissue,
    credential_revoke,
    credential_suspend,
    credentials_expire_due,
)
from certification.issuance.statuslists import status_list_get
from certification.issuance.storage import artefact_read
from certification.issuance.tasks import send_renewal_reminders
from certification.models import Credential, CredentialStatus
from certification.roles import officer_roles_sync
from certification.signals import credential_status_changed
from tests.factories import UserFactory


@pytest.fixture
def active(eligible, program, django_capture_on_commit_callbacks):
    from certification.issuance.service import credential_issue

    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.ACTIVE
    mail.outbox.clear()
    return credential


def bit(credential, purpose):
    """Whether the credential is revoked or suspended (``purpose``) in the
    published lists, checked like a verifier: the 2-bit ``message`` list the
    credential names, and the 1-bit list of ``purpose`` that credentials
    issued before name (both must agree)."""
    keys = {f"{issuer_did('CL')}#{k}": v for k, v in load_public_keys("CL").items()}
    published = status_list_get("cl", "message")
    assert verify_document(published, keys).verified
    document = json.loads(artefact_read(credential.json_file))
    entry = document["credentialStatus"]
    value = status_read(entry, published)
    legacy_list = status_list_get("cl", purpose)
    assert verify_document(legacy_list, keys).verified
    legacy_entry = status_entry(
        status_list_credential=legacy_list["id"],
        index=int(entry["statusListIndex"]),
        purpose=purpose,
    )
    expected = {"suspension": STATUS_SUSPENDED, "revocation": STATUS_REVOKED}
    assert status_check(legacy_entry, legacy_list) is (value == expected[purpose])
    return value == expected[purpose]


def test_suspend_and_reinstate_flip_the_suspension_bit(active):
    assert bit(active, "suspension") is False

    credential_suspend(credential=active, actor=None, reason="Revisión")
    assert active.status == CredentialStatus.SUSPENDED
    assert bit(active, "suspension") is True
    assert bit(active, "revocation") is False

    credential_reinstate(credential=active, actor=None)
    assert active.status == CredentialStatus.ACTIVE
    assert bit(active, "suspension") is False


def test_revoke_needs_a_reason_and_sets_the_revocation_bit(active):
    with pytest.raises(LifecycleError):
        credential_revoke(credential=active, actor=None, reason="  ")
    active.refresh_from_db()
    assert active.status == CredentialStatus.ACTIVE

    credential_revoke(credential=active, actor=None, reason="Evidencia fraudulenta")

    assert active.status == CredentialStatus.REVOKED
    assert active.status_reason == "Evidencia fraudulenta"
    assert bit(active, "revocation") is True
    assert [e.kind for e in active.events.all()][-1] == "revoked"


def test_status_change_is_announced_after_commit(
    active, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, credential, event, **kwargs):
        received.append(event.kind)

    credential_status_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            credential_suspend(credential=active, actor=None)
    finally:
        credential_status_changed.disconnect(receiver)
    assert received == ["suspended"]


def test_an_officer_of_another_country_cannot_suspend(active):
    groups = officer_roles_sync()
    peru, chile = UserFactory(), UserFactory()
    peru.groups.add(groups["PE"])
    chile.groups.add(groups["CL"])

    with pytest.raises(PermissionDenied):
        credential_suspend(credential=active, actor=peru)
    credential_suspend(credential=active, actor=chile)
    assert active.events.last().actor == chile


def test_revoked_cannot_be_reinstated(active):
    credential_revoke(credential=active, actor=None, reason="Duplicado")
    with pytest.raises(LifecycleError):
        credential_reinstate(credential=active, actor=None)


def test_expiry_waits_for_the_end_of_validity(active):
    with pytest.raises(LifecycleError):
        credential_expire(credential=active)

    Credential.objects.filter(pk=active.pk).update(
        valid_until=timezone.now() - dt.timedelta(minutes=1)
    )
    assert credentials_expire_due() == 1
    active.refresh_from_db()
    assert active.status == CredentialStatus.EXPIRED
    assert credentials_expire_due() == 0


def test_reissue_keeps_the_public_id_and_the_history(
    active, django_capture_on_commit_callbacks
):
    """A name correction gives new artefacts under the same verify link."""
    old_pdf, old_hash = active.pdf_file, active.pdf_sha256
    with django_capture_on_commit_callbacks(execute=True):
        credential_reissue(
            credential=active,
            actor=None,
            reason="Corrección del nombre",
            legal_name="Ana María Pérez Núñez de la Vega",
        )
    active.refresh_from_db()

    assert active.artefact_revision == 2
    assert active.pdf_sha256 != old_hash
    assert active.pdf_file != old_pdf
    assert active.holder_name == "Ana María Pérez Núñez de la Vega"
    text = subprocess.run(
        ["pdftotext", "-", "-"],
        input=artefact_read(active.pdf_file),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "de la Vega" in " ".join(text.split())
    events = list(active.events.values_list("kind", "artefact_revision"))
    assert events == [("requested", 0), ("issued", 1), ("reissued", 2)]
    assert Credential.objects.count() == 1
    assert len(mail.outbox) == 1  # the new PDF is sent to the holder


def test_renewal_reminder_is_sent_once_before_expiry(active, settings):
    settings.LMS_RENEWAL_REMINDER_DAYS = 60
    assert send_renewal_reminders() == 0  # three years left

    Credential.objects.filter(pk=active.pk).update(
        valid_until=timezone.now() + dt.timedelta(days=30)
    )
    assert send_renewal_reminders() == 1
    assert send_renewal_reminders() == 0
    assert len(mail.outbox) == 1
    assert active.program_title in mail.outbox[0].subject


def test_daily_expiry_republishes_each_issuers_lists_once(
    program, django_capture_on_commit_callbacks, monkeypatch
):
    """Expiring many credentials of one issuer signs its status lists once."""
    from certification.issuance import lifecycle
    from certification.issuance.service import credential_issue
    from tests.factories import make_eligible

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            credential_issue(user=make_eligible(program), program=program)
    Credential.objects.update(valid_until=timezone.now() - dt.timedelta(minutes=1))
    published = []
    real_publish = lifecycle.status_list_publish
    monkeypatch.setattr(
        lifecycle,
        "status_list_publish",
        lambda issuer: published.append(issuer.pk) or real_publish(issuer),
    )
    assert credentials_expire_due() == 3
    assert published == [program.issuer_id]
    assert set(Credential.objects.values_list("status", flat=True)) == {"expired"}
