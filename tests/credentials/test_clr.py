"""The learner's Comprehensive Learner Record (CLR 2.0): downloaded from «Mis
certificados», valid against 1EdTech's official ClrCredential schema (ajv),
verified by Digital Bazaar's libraries, and accepted by the verify page and
``lms-verify``, which report every embedded credential; a tampered record
fails everywhere."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from certification.credentials import keys
from certification.credentials.clr import CLR_SCHEMA, embedded_credentials
from certification.issuance.statuslists import status_list_get
from certification.models import ProgramKind, VerificationLog
from certification.services import evidence_record
from certification.verification import offline
from certification.verification.checks import clr_verify
from tests.certification.conftest import make_program, make_standard
from tests.credentials.test_conformance import (
    AC_SCHEMA,
    digital_bazaar_verify,
    official_schema_errors,
)
from tests.factories import UserFactory, evidence_attested

CLR_SCHEMA_FILE = "clr_v2p0/clr_v2p0_clrcredential_schema.json"


def _issue(user, program, capture):
    from certification.issuance.service import credential_issue

    with capture(execute=True):
        credential = credential_issue(user=user, program=program)
    credential.refresh_from_db()
    return credential


@pytest.fixture
def record(db, settings, tmp_path, django_capture_on_commit_callbacks):
    """One learner with a competency certificate, a course completion, and
    one unit of a third program demonstrated (not yet certified)."""
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    learner = UserFactory(
        legal_name="Ana María Pérez Núñez", email="Ana.Perez@example.org", country="CL"
    )
    assessor = UserFactory(legal_name="Rosa Evaluadora")
    standard = make_standard("CL", units=2, criteria=0)
    competency = make_program(standard, code="cl-comp", validity_years=3)
    completion = make_program(
        standard, code="cl-curso", kind=ProgramKind.COURSE_COMPLETION
    )
    other = make_standard("CL", code="CL-STD-2", units=2, criteria=0)
    pending = make_program(other, code="cl-otro")
    for unit in standard.units.all():
        evidence_attested(
            learner=learner,
            unit=unit,
            assessor=assessor,
            source_id=f"m-{unit.pk}",
            assessed_at=timezone.now(),
        )
        evidence_record(
            learner=learner,
            unit=unit,
            source_kind="course",
            source_id=f"c-{unit.pk}",
            assessed_at=timezone.now(),
        )
    evidence_attested(
        learner=learner,
        unit=other.units.first(),
        assessor=assessor,
        source_id="m-other",
        assessed_at=timezone.now(),
    )
    capture = django_capture_on_commit_callbacks
    return {
        "learner": learner,
        "competency": _issue(learner, competency, capture),
        "completion": _issue(learner, completion, capture),
        "pending_program": pending,
    }


def _download(client, learner) -> dict:
    client.force_login(learner)
    page = client.get(reverse("credentials:mine"))
    assert "Descargar mi historial (CLR)" in page.content.decode()
    response = client.get(reverse("credentials:clr"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+ld+json"
    assert response["Content-Disposition"] == (
        'attachment; filename="historial-clr.json"'
    )
    return json.loads(response.content)


def _did_documents():
    return [keys.did_document("CL")]


def _lists():
    return [status_list_get("cl", "message")]


def test_learner_record_is_a_clr_that_passes_the_official_schema(record, client):
    clr = _download(client, record["learner"])
    assert clr["type"] == ["VerifiableCredential", "ClrCredential"]
    assert clr["@context"][1].startswith("https://purl.imsglobal.org/spec/clr/v2p0/")
    assert clr["credentialSchema"] == [
        {"id": CLR_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}
    ]
    assert clr["issuer"]["id"] == keys.issuer_did("CL")
    assert isinstance(clr["proof"], list)
    subject = clr["credentialSubject"]
    assert subject["type"] == ["ClrSubject"]
    embedded = embedded_credentials(clr)
    assert {c["id"] for c in embedded} == {
        json.loads(_artefact(record[kind]))["id"]
        for kind in ("competency", "completion")
    }
    # Embedded exactly as issued (their own proofs intact).
    assert json.loads(_artefact(record["competency"])) in embedded
    kinds = {c["credentialSubject"]["achievement"]["achievementType"] for c in embedded}
    assert kinds == {"Certification", "CertificateOfCompletion"}
    # Units demonstrated: achievements associated with their programs,
    # including the program not yet certified.
    units = [a for a in subject["achievement"] if a["achievementType"] == "Competency"]
    assert {a["humanCode"] for a in units} == {"U1", "U2"}
    targets = {a["targetId"] for a in subject["association"]}
    assert any(t.endswith("/cl-otro/") for t in targets)
    assert all(a["associationType"] == "isChildOf" for a in subject["association"])
    email = [i for i in subject["identifier"] if i["identityType"] == "emailAddress"]
    assert email and email[0]["hashed"]
    assert "ana.perez@example.org" not in json.dumps(clr).lower()

    # 1EdTech's official schemas (ajv): the CLR, and each embedded credential.
    assert official_schema_errors(CLR_SCHEMA_FILE, [clr]) == [[]]
    assert official_schema_errors(AC_SCHEMA, embedded) == [[], []]
    # ... and they do reject a record with nothing in it.
    empty = json.loads(json.dumps(clr))
    empty["credentialSubject"]["verifiableCredential"] = []
    assert official_schema_errors(CLR_SCHEMA_FILE, [empty])[0]


def _artefact(credential) -> bytes:
    from certification.issuance.storage import artefact_read

    return artefact_read(credential.json_file)


def test_digital_bazaar_verifies_the_record_and_each_credential(record, client):
    clr = _download(client, record["learner"])
    embedded = embedded_credentials(clr)
    tampered = json.loads(json.dumps(clr))
    tampered["credentialSubject"]["verifiableCredential"][0]["name"] += "!"
    results = digital_bazaar_verify(
        [clr, *embedded, tampered], _did_documents(), _lists()
    )
    assert [r["verified"] for r in results] == [True, True, True, False], results
    assert [r["status"]["message"] for r in results[1:3]] == ["valid", "valid"]


def test_clr_verify_reports_each_embedded_credential(record, client):
    from certification.issuance.lifecycle import credential_suspend

    clr = _download(client, record["learner"])
    result = clr_verify(clr)
    assert result.verdict == "valid"
    assert [c.name for c in result.report.checks] == [
        "record_proof",
        "record_contents",
    ]
    assert [item.verdict for item in result.embedded] == ["valid", "valid"]
    credential_suspend(credential=record["completion"], actor=None, reason="Revisión")
    result = clr_verify(clr)
    assert result.verdict == "suspended"
    assert sorted(item.verdict for item in result.embedded) == ["suspended", "valid"]
    # One changed character in an embedded credential: the record's proof
    # fails, and that credential's own proof too.
    tampered = json.loads(json.dumps(clr))
    tampered["credentialSubject"]["verifiableCredential"][0]["name"] += "!"
    result = clr_verify(tampered)
    assert result.verdict == "altered"
    assert not result.report.checks[0].passed
    assert result.embedded[0].verdict == "altered"


def test_verify_page_accepts_a_pasted_or_uploaded_clr(record, client):
    clr = _download(client, record["learner"])
    client.logout()
    body = json.dumps(clr, ensure_ascii=False)
    pasted = client.post(reverse("verification:json"), {"document": body})
    assert pasted.status_code == 200
    html = pasted.content.decode()
    assert 'data-verdict="valid"' in html
    assert html.count('class="record-credential verdict-valid"') == 2
    assert record["competency"].program_title in html
    assert VerificationLog.objects.filter(method="json").count() == 2

    upload = SimpleUploadedFile(
        "historial-clr.json", body.encode(), content_type="application/json"
    )
    uploaded = client.post(reverse("verification:json"), {"json_file": upload})
    assert 'data-verdict="valid"' in uploaded.content.decode()

    tampered = json.loads(body)
    tampered["credentialSubject"]["verifiableCredential"][1]["name"] += "!"
    altered = client.post(
        reverse("verification:json"), {"document": json.dumps(tampered)}
    ).content.decode()
    assert 'data-verdict="altered"' in altered
    assert 'data-check="record_proof"' in altered
    assert 'class="record-credential verdict-altered"' in altered

    # A single credential JSON is accepted by the same form.
    single = client.post(
        reverse("verification:json"),
        {"document": _artefact(record["competency"]).decode()},
    ).content.decode()
    assert 'data-verdict="valid"' in single and "record-credential" not in single

    for bad, message in (
        ("", "Pegue el JSON"),
        ("{no es json", "no es un JSON válido"),
        ("[1, 2]", "no es una credencial verificable"),
    ):
        response = client.post(reverse("verification:json"), {"document": bad})
        assert response.status_code == 400
        assert message in response.content.decode()


def test_verification_api_accepts_a_clr_and_lists_each_credential(
    record, client, settings
):
    from certification.issuance.lifecycle import credential_suspend

    settings.LMS_VERIFY_RATE_LIMITS = {"upload": (100, 60)}

    clr = _download(client, record["learner"])
    client.logout()

    def post(document):
        response = client.post(
            "/api/v1/verify/credential", document, content_type="application/json"
        )
        assert response.status_code == 200
        return response.json()

    genuine = post(clr)
    assert (genuine["verdict"], genuine["valid"], genuine["public_id"]) == (
        "valid",
        True,
        None,
    )
    assert [check["name"] for check in genuine["checks"]] == [
        "record_proof",
        "record_contents",
    ]
    listed = {item["public_id"]: item for item in genuine["credentials"]}
    assert set(listed) == {
        record["competency"].public_id,
        record["completion"].public_id,
    }
    assert all(item["verdict"] == "valid" for item in listed.values())
    assert VerificationLog.objects.filter(method="api").count() == 2

    credential_suspend(credential=record["completion"], actor=None, reason="Revisión")
    suspended = post(clr)
    assert (suspended["verdict"], suspended["valid"]) == ("suspended", False)
    verdicts = {item["public_id"]: item["verdict"] for item in suspended["credentials"]}
    assert verdicts[record["completion"].public_id] == "suspended"
    assert verdicts[record["competency"].public_id] == "valid"

    tampered = json.loads(json.dumps(clr))
    tampered["credentialSubject"]["verifiableCredential"][0]["name"] += "!"
    altered = post(tampered)
    assert altered["verdict"] == "altered"
    assert altered["checks"][0]["name"] == "record_proof"
    assert altered["checks"][0]["passed"] is False

    # A single credential keeps its answer, with no list of credentials.
    single = post(json.loads(_artefact(record["competency"])))
    assert single["verdict"] == "valid" and single["credentials"] is None
    assert single["public_id"] == record["competency"].public_id


def test_learner_without_credentials_gets_a_clear_message(db, client):
    learner = UserFactory()
    client.force_login(learner)
    response = client.get(reverse("credentials:clr"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("credentials:mine")
    assert "al menos un certificado" in response.content.decode()


def test_revoked_credentials_are_left_out_of_the_record(record, client):
    from certification.issuance.lifecycle import credential_revoke

    credential_revoke(credential=record["completion"], actor=None, reason="Duplicado")
    clr = _download(client, record["learner"])
    (only,) = embedded_credentials(clr)
    assert only["credentialSubject"]["achievement"]["achievementType"] == (
        "Certification"
    )


def test_lms_verify_checks_a_clr_offline(record, client, tmp_path):
    clr = _download(client, record["learner"])
    did = tmp_path / "did.json"
    did.write_text(json.dumps(keys.did_document("CL")))
    status = tmp_path / "message.json"
    status.write_text(json.dumps(status_list_get("cl", "message")))
    path = tmp_path / "historial-clr.json"
    path.write_text(json.dumps(clr))

    out = io.StringIO()
    report, embedded = offline.verify_json_offline(
        clr,
        public_keys=offline.load_keys([str(did)]),
        status_lists=offline.load_status_lists([str(status)]),
    )
    offline.print_json_report(report, embedded, out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "record proof: passed"
    assert sum(1 for line in lines if line.startswith("credential ")) == 2
    assert "  status (message): passed: not set in the list of" in "\n".join(lines)
    assert lines[-1] == "VALID"
    argv = [str(path), "--key", str(did), "--status-list", str(status)]
    assert offline.main(argv) == 0

    tampered = json.loads(json.dumps(clr))
    tampered["credentialSubject"]["verifiableCredential"][0]["name"] += "!"
    path.write_text(json.dumps(tampered))
    assert offline.main(argv) == 1
    path.write_text("{no")
    assert offline.main(argv) == 2
