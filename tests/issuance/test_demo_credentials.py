"""``seed_demo`` leaves an employer something to verify: one valid certificate
and one revoked with its reason, both with complete artefacts."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from certification.credentials.keys import issuer_did, load_public_keys
from certification.credentials.proof import verify_document
from certification.issuance.selectors import credential_public_get
from certification.issuance.storage import artefact_read
from certification.models import Credential, CredentialStatus


@pytest.fixture
def seeded(settings, tmp_path, db):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_demo_holder_has_a_valid_signed_certificate(seeded):
    credential = Credential.objects.get(
        holder__username="aprendiz", program__code="cl-produccion-editorial-demo"
    )
    assert credential.status == CredentialStatus.ACTIVE
    assert credential_public_get(credential.public_id) == credential
    document = json.loads(artefact_read(credential.json_file))
    keys = {f"{issuer_did('CL')}#{k}": v for k, v in load_public_keys("CL").items()}
    assert verify_document(document, keys).verified
    assert f"/verify/{credential.public_id}/" in seeded


def test_demo_revoked_certificate_keeps_its_reason(seeded):
    credential = Credential.objects.get(holder__username="artesano")
    assert credential.status == CredentialStatus.REVOKED
    assert "demostración" in credential.status_reason


def test_seeding_again_issues_nothing_new(seeded):
    before = list(Credential.objects.values_list("public_id", "status"))
    call_command("seed_demo", stdout=StringIO())
    assert list(Credential.objects.values_list("public_id", "status")) == before
