"""An issuer whose credential profile names a time-stamping authority gets
PAdES B-T certificates; when the authority cannot be reached, issuance fails
without a half-issued credential and succeeds when it is run again."""

import pytest
from celery.exceptions import Retry

from certification.credentials.keys import load_signing_certificate
from certification.credentials.pades import TimestampUnavailable, validate_pdf
from certification.issuance.batch import credentials_activate_batch
from certification.issuance.service import credential_issue
from certification.issuance.storage import artefact_read
from certification.issuance.tasks import issue_credential
from certification.models import Credential, CredentialStatus, IssuerProfile
from tests.credentials.tsa_server import running_tsa, unreachable_url

from .conftest import make_eligible


@pytest.fixture
def tsa():
    with running_tsa() as authority:
        yield authority


def profile_with_tsa(program, url: str) -> IssuerProfile:
    profile, _ = IssuerProfile.objects.get_or_create(issuer=program.issuer)
    profile.tsa_url = url
    profile.save()
    return profile


def assert_timestamped(credential, tsa):
    data = artefact_read(credential.pdf_file)
    issuer_root = load_signing_certificate("CL").certificate
    report = validate_pdf(data, [issuer_root, tsa.root])
    assert report.ok, report
    assert report.timestamp_valid and report.timestamp_trusted, report.details
    assert data.startswith(b"%PDF-1.7\n")


def test_an_issuer_with_a_tsa_issues_timestamped_certificates(
    eligible, program, tsa, django_capture_on_commit_callbacks
):
    profile_with_tsa(program, tsa.url)
    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.ACTIVE
    assert len(tsa.requests) >= 1
    assert_timestamped(credential, tsa)


def test_a_batch_of_an_issuer_with_a_tsa_is_timestamped(program, tsa):
    profile_with_tsa(program, tsa.url)
    users = [make_eligible(program) for _ in range(2)]
    credentials = [
        credential_issue(user=user, program=program, queue=False) for user in users
    ]
    activated = credentials_activate_batch([c.pk for c in credentials])
    assert len(activated) == 2
    for credential in activated:
        assert_timestamped(credential, tsa)


def test_an_unreachable_tsa_leaves_the_credential_pending_until_a_rerun(
    eligible, program, tsa, django_capture_on_commit_callbacks
):
    profile = profile_with_tsa(program, unreachable_url())
    # The task is scheduled again, with backoff (eager here: raised).
    with (
        pytest.raises(Retry) as retry,
        django_capture_on_commit_callbacks(execute=True),
    ):
        credential_issue(user=eligible, program=program)
    assert isinstance(retry.value.exc, TimestampUnavailable)
    assert "no timestamp from" in str(retry.value.exc)
    credential = Credential.objects.get()
    assert credential.status == CredentialStatus.PENDING
    assert "no timestamp from" in credential.last_error  # in-process: failed
    assert not credential.pdf_file and not credential.json_file
    assert [e.kind for e in credential.events.all()] == ["requested"]

    profile.tsa_url = tsa.url
    profile.save()
    assert issue_credential.delay(credential.pk).get() == credential.public_id
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.ACTIVE
    assert_timestamped(credential, tsa)


def test_loaded_keys_follow_a_rotation(issuer_keys):
    """The worker keeps the issuer's PAdES signer and JWT key loaded, and loads
    them again once the key directory changes."""
    from certification.credentials import keys
    from certification.issuance import pdf

    signer = pdf.signer_for("CL")
    jwt_key, kid = pdf.jwt_signer_for("CL")
    assert pdf.signer_for("CL") is signer
    assert pdf.jwt_signer_for("CL")[0] is jwt_key
    keys.issuer_keys_generate(
        issuer_code="CL", organisation="Ministerio de Prueba", rotate=True
    )
    rotated = pdf.signer_for("CL")
    assert rotated is not signer
    assert rotated.signer.signing_cert.dump() != signer.signer.signing_cert.dump()
    current = keys.load_signing_certificate("CL").certificate
    assert validate_pdf(rotated.sign(pdf_without_signature()), [current]).ok
    # A rotation adds an RSA key too: the newest signs the JWTs from now on.
    assert pdf.jwt_signer_for("CL")[1] == kid.replace("rsa-key-1", "rsa-key-2")


def pdf_without_signature() -> bytes:
    from certification.credentials.pades import _blank_pdf

    return _blank_pdf()


def test_the_tsa_is_set_on_the_issuers_credential_profile_in_the_admin(client, program):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = "/admin/issuerprofile/new/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="tsa_url"' in page.content.decode()
    form = {"issuer": program.issuer.pk, "key_code": "", "legal_text_es": ""}
    refused = client.post(url, {**form, "tsa_url": "no es una dirección"})
    assert refused.status_code == 200
    assert "tsa_url" in refused.context["form"].errors
    assert not IssuerProfile.objects.exists()
    saved = client.post(url, {**form, "tsa_url": "https://tsa.example.org/rfc3161"})
    assert saved.status_code == 302
    profile = IssuerProfile.objects.get()
    assert profile.tsa_url == "https://tsa.example.org/rfc3161"
