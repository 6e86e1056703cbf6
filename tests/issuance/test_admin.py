"""Officer screens: approval queue, bulk issuance with preview and progress,
lifecycle actions; scoped to the officer's country."""

import re

import pytest

from certification.models import Credential, CredentialStatus
from certification.roles import officer_roles_sync
from tests.factories import UserFactory, make_eligible


@pytest.fixture
def groups(db):
    return officer_roles_sync()


@pytest.fixture
def chile_officer(client, groups):
    officer = UserFactory(username="oficial-cl")
    officer.groups.add(groups["CL"])
    client.force_login(officer)
    return officer


def test_officer_approves_the_queue_and_sees_the_summary(
    chile_officer, client, eligible, program, django_capture_on_commit_callbacks
):
    page = client.get("/admin/credentials/approvals/")
    assert page.status_code == 200
    (row_id,) = re.findall(r'name="eligibility" value="(\d+)"', page.content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/credentials/approvals/", {"eligibility": [row_id]}
        )
    assert response.status_code == 302
    credential = Credential.objects.get(holder=eligible)
    assert credential.status == CredentialStatus.ACTIVE
    assert credential.requested_by == chile_officer

    progress = client.get(response["Location"] + "progress.json").json()
    assert progress["total"] == progress["done"] == progress["active"] == 1
    assert progress["finished"] is True
    summary = client.get(response["Location"]).content.decode()
    assert credential.public_id in summary


def test_bulk_preview_lets_the_officer_deselect_people(
    chile_officer, client, program, django_capture_on_commit_callbacks
):
    ana, luis = make_eligible(program), make_eligible(program)
    not_ready = UserFactory(username="sin-evidencia")
    url = f"/admin/credentials/bulk/?program={program.code}&people=sin-evidencia"

    preview = client.get(url).content.decode()
    checked = re.findall(r'name="user" value="(\d+)" checked', preview)
    assert sorted(checked) == sorted([str(ana.pk), str(luis.pk)])
    assert "No elegible" in preview and str(not_ready.pk) in preview

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {"program": program.code, "user": [str(ana.pk), str(not_ready.pk)]},
        )
    assert list(Credential.objects.values_list("holder", flat=True)) == [ana.pk]


def test_officer_of_another_country_cannot_open_a_credential(
    client, groups, eligible, program, django_capture_on_commit_callbacks
):
    from certification.issuance.service import credential_issue

    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    peru = UserFactory()
    peru.groups.add(groups["PE"])
    client.force_login(peru)

    response = client.get(f"/admin/credentials/{credential.public_id}/")
    assert response.status_code == 403
    assert (
        client.get("/admin/credentials/approvals/")
        .content.decode()
        .count('name="eligibility"')
        == 0
    )


def test_revoking_from_the_admin_requires_a_reason(
    chile_officer, client, eligible, program, django_capture_on_commit_callbacks
):
    from certification.issuance.service import credential_issue

    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    url = f"/admin/credentials/{credential.public_id}/"

    response = client.post(url, {"action": "revoke", "reason": ""})
    assert response.status_code == 200
    assert "Indique el motivo" in response.content.decode()
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.ACTIVE

    client.post(url, {"action": "revoke", "reason": "Suplantación"})
    credential.refresh_from_db()
    assert credential.status == CredentialStatus.REVOKED
    assert credential.events.last().actor == chile_officer


def test_editing_a_template_in_the_admin_records_a_new_revision(
    client, eligible, program, django_capture_on_commit_callbacks
):
    """Credentials keep the revision they were issued with."""
    from certification.issuance.service import credential_issue
    from certification.models import CertificateTemplate

    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=eligible, program=program)
    template = CertificateTemplate.objects.get()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = f"/admin/certificatetemplate/edit/{template.pk}/"
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "issuer": "",
            "name": template.name,
            "html": template.html,
            "css": template.css + "\nbody { color: #000; }",
        },
    )
    assert response.status_code == 302
    assert template.revisions.count() == 2
    credential.refresh_from_db()
    assert credential.template_revision.number == 1
    assert template.revision_in_force().number == 2
