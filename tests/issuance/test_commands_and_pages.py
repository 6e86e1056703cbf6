"""The operator commands, the learner's «Mis certificados» and the e-mail."""

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from certification.credentials.keys import issuer_did, load_public_keys
from certification.credentials.pades import extract_attachment
from certification.credentials.proof import verify_document
from certification.issuance.service import credential_issue
from certification.issuance.storage import artefact_read
from certification.models import Credential, CredentialStatus
from tests.factories import UserFactory


@pytest.fixture
def active(eligible, program, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    credential.refresh_from_db()
    return credential


def run(*args, capture):
    with capture(execute=True):
        from io import StringIO

        out = StringIO()
        call_command(*args, stdout=out)
    return out.getvalue().strip()


def test_credential_issue_command_prints_the_public_id(
    eligible, program, django_capture_on_commit_callbacks
):
    public_id = run(
        "credential_issue",
        "--user",
        eligible.username,
        "--program",
        program.code,
        capture=django_capture_on_commit_callbacks,
    )
    credential = Credential.objects.get()
    assert public_id == credential.public_id
    assert credential.status == CredentialStatus.ACTIVE


@pytest.mark.parametrize(
    ("user", "code", "message"),
    [
        ("nadie", "cl-edicion", "unknown user: nadie"),
        ("learner", "no-existe", "unknown program: no-existe"),
        ("learner", "cl-edicion", "not eligible"),
    ],
)
def test_credential_issue_command_refuses_bad_input(program, user, code, message):
    UserFactory(username="learner")
    with pytest.raises(CommandError, match=message):
        call_command("credential_issue", "--user", user, "--program", code)
    assert not Credential.objects.exists()


def test_credential_issue_command_force_issues_to_a_non_eligible_user(
    program, django_capture_on_commit_callbacks
):
    user = UserFactory(username="learner")
    public_id = run(
        "credential_issue",
        "--user",
        "learner",
        "--program",
        program.code,
        "--force",
        capture=django_capture_on_commit_callbacks,
    )
    assert Credential.objects.get(holder=user).public_id == public_id


def test_credential_export_writes_the_pdf_and_the_json(active, tmp_path):
    pdf, document = tmp_path / "c.pdf", tmp_path / "c.json"
    call_command(
        "credential_export", active.public_id, "--pdf", str(pdf), "--json", document
    )
    data = json.loads(document.read_bytes())
    keys = {f"{issuer_did('CL')}#{k}": v for k, v in load_public_keys("CL").items()}
    assert verify_document(data, keys).verified
    assert json.loads(extract_attachment(pdf.read_bytes())) == data


def test_credential_export_refuses_unknown_ids_and_missing_targets(active, tmp_path):
    with pytest.raises(CommandError, match="no issued credential"):
        call_command("credential_export", "f" * 32, "--pdf", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="nothing to export"):
        call_command("credential_export", active.public_id)
    with pytest.raises(CommandError, match="directory does not exist"):
        call_command(
            "credential_export", active.public_id, "--pdf", "/nonexistent/dir/x.pdf"
        )


def test_holder_gets_an_email_with_the_pdf_attached(active):
    (message,) = mail.outbox
    assert message.to == [active.holder.email]
    assert active.program_title in message.subject
    assert f"/verify/{active.public_id}/" in message.body
    (name, content, mimetype) = message.attachments[0]
    assert mimetype == "application/pdf"
    assert content == artefact_read(active.pdf_file)


def test_my_certificates_lists_downloads_share_and_linkedin(active, client):
    client.force_login(active.holder)
    response = client.get("/credentials/mine/")
    html = response.content.decode()
    assert response.status_code == 200
    assert active.program_title in html
    assert f"http://testserver/verify/{active.public_id}/" in html
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html
    assert f"certId={active.public_id}" in html


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [
        ("pdf", "application/pdf"),
        ("json", "application/vc+ld+json"),
        ("jwt", "application/vc+jwt"),
    ],
)
def test_owner_downloads_each_artefact(active, client, kind, content_type):
    client.force_login(active.holder)
    response = client.get(f"/credentials/mine/{active.public_id}/download/{kind}/")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    field = {"pdf": "pdf_file", "json": "json_file", "jwt": "jwt_file"}[kind]
    assert response.content == artefact_read(getattr(active, field))


def test_other_users_get_404_for_someone_elses_artefacts(active, client):
    client.force_login(UserFactory())
    response = client.get(f"/credentials/mine/{active.public_id}/download/pdf/")
    assert response.status_code == 404
    client.logout()
    response = client.get(f"/credentials/mine/{active.public_id}/download/pdf/")
    assert response.status_code == 302  # to the login page


def test_holder_chooses_what_the_verify_page_shows(active, client):
    client.force_login(active.holder)
    prefix = f"c{active.public_id[:8]}"
    response = client.post(
        f"/credentials/mine/{active.public_id}/disclosure/",
        {f"{prefix}-public": "on", f"{prefix}-disclose_levels": "on"},
    )
    assert response.status_code == 302
    active.refresh_from_db()
    assert (active.public, active.disclose_units, active.disclose_levels) == (
        True,
        False,
        True,
    )


def test_status_list_is_published_as_json(active, client):
    response = client.get("/credentials/status/cl/revocation/")
    assert response.status_code == 200
    body = response.json()
    assert "BitstringStatusListCredential" in body["type"]
    assert body["credentialSubject"]["statusPurpose"] == "revocation"
    assert client.get("/credentials/status/cl/bogus/").status_code == 404
