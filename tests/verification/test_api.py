"""The JSON API: status by id, PDF and JSON verification, issuers, keys, lists."""

import copy
import json

from django.core.files.uploadedfile import SimpleUploadedFile

from certification.credentials import keys
from certification.issuance.lifecycle import credential_revoke
from certification.issuance.storage import artefact_read
from certification.models import VerificationLog
from tests.verification.conftest import pdf_of


def test_status_by_public_id_is_the_disclosed_record(client, issued):
    response = client.get(f"/api/v1/credentials/{issued.public_id}")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "valid" and body["valid"] is True
    assert body["holder_name"] == "Ana María Pérez Núñez"
    assert body["verify_url"].endswith(f"/verify/{issued.public_id}/")
    assert "national_id" not in json.dumps(body)
    assert issued.holder_id_hash not in json.dumps(body)
    assert VerificationLog.objects.get().method == "api"


def test_status_of_a_revoked_credential_carries_the_reason(client, issued):
    credential_revoke(credential=issued, actor=None, reason="Documento falso")

    body = client.get(f"/api/v1/credentials/{issued.public_id}").json()

    assert (body["status"], body["valid"], body["reason"]) == (
        "revoked",
        False,
        "Documento falso",
    )


def test_private_unknown_and_malformed_ids_answer_the_same_404(client, issued):
    issued.public = False
    issued.save()

    answers = [
        client.get(f"/api/v1/credentials/{public_id}")
        for public_id in (issued.public_id, "f" * 32, "nope", "%27--")
    ]

    assert {r.status_code for r in answers} == {404}
    assert len({r.content for r in answers}) == 1


def test_get_answers_are_readable_cross_origin(client, issued):
    for url in (
        f"/api/v1/credentials/{issued.public_id}",
        "/api/v1/issuers",
        "/api/v1/openapi.json",
        "/issuers/cl/did.json",
    ):
        assert client.get(url)["Access-Control-Allow-Origin"] == "*", url


def test_verify_pdf_endpoint_reports_each_check(client, issued):
    response = client.post(
        "/api/v1/verify/pdf", {"file": SimpleUploadedFile("c.pdf", pdf_of(issued))}
    )

    body = response.json()
    assert body["verdict"] == "valid"
    assert [c["name"] for c in body["checks"]] == [
        "attachment",
        "proof",
        "signature",
        "hash",
        "status",
    ]
    assert body["public_id"] == issued.public_id


def test_verify_pdf_rejects_empty_and_unreadable_files_clearly(client, db):
    empty = client.post("/api/v1/verify/pdf", {"file": SimpleUploadedFile("e", b"")})
    text = client.post(
        "/api/v1/verify/pdf", {"file": SimpleUploadedFile("t.pdf", b"hola")}
    )
    missing = client.post("/api/v1/verify/pdf", {})

    assert empty.status_code == 400
    assert text.status_code == 200 and text.json()["verdict"] == "unreadable"
    assert missing.status_code in (400, 422)


def test_verify_credential_json_checks_proof_and_live_status(client, issued):
    document = json.loads(artefact_read(issued.json_file))
    tampered = copy.deepcopy(document)
    tampered["credentialSubject"]["achievement"]["name"] = "Doctorado falso"

    genuine = client.post(
        "/api/v1/verify/credential", document, content_type="application/json"
    ).json()
    altered = client.post(
        "/api/v1/verify/credential", tampered, content_type="application/json"
    ).json()

    assert (genuine["verdict"], genuine["valid"]) == ("valid", True)
    assert altered["verdict"] == "altered"
    assert altered["checks"][0] == {
        "name": "proof",
        "passed": False,
        "reason": altered["checks"][0]["reason"],
    }


def test_verify_credential_json_of_a_revoked_credential(client, issued):
    document = json.loads(artefact_read(issued.json_file))
    credential_revoke(credential=issued, actor=None, reason="Error")

    body = client.post(
        "/api/v1/verify/credential", document, content_type="application/json"
    ).json()

    assert body["verdict"] == "revoked"


def test_verify_credential_rejects_non_objects(client, db):
    response = client.post(
        "/api/v1/verify/credential", "[1, 2]", content_type="application/json"
    )

    assert response.status_code in (400, 422)


def test_issuer_profile_publishes_the_keys_of_the_did_document(client, issued):
    profile = client.get("/api/v1/issuers/cl").json()
    document = client.get("/issuers/cl/did.json")

    assert document.status_code == 200
    assert document.json() == keys.did_document("CL")
    assert profile["did"] == keys.issuer_did("CL")
    assert [k["id"] for k in profile["public_keys"]] == document.json()[
        "assertionMethod"
    ]
    assert set(profile["status_lists"]) == {"message", "revocation", "suspension"}
    assert profile["signing_certificate_pem"].startswith("-----BEGIN CERTIFICATE")
    assert client.get("/api/v1/issuers").json()[0]["code"] == "cl"
    assert client.get("/api/v1/issuers/zz").status_code == 404
    assert client.get("/issuers/zz/did.json").status_code == 404


def test_did_web_url_of_the_issuer_is_where_the_document_is_served(issued):
    url = keys.did_web_document_url(keys.issuer_did("CL"))

    assert url.endswith("/issuers/cl/did.json")


def test_status_lists_are_served(client, issued):
    credential_revoke(credential=issued, actor=None, reason="Error")

    response = client.get("/api/v1/status-lists/cl/revocation")

    assert response.status_code == 200
    assert response.json()["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]
    assert client.get("/api/v1/status-lists/cl/other").status_code == 404


def test_openapi_description_lists_every_endpoint(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    assert set(schema["paths"]) >= {
        "/api/v1/ping",
        "/api/v1/credentials/{public_id}",
        "/api/v1/verify/pdf",
        "/api/v1/verify/credential",
        "/api/v1/issuers",
        "/api/v1/issuers/{code}",
        "/api/v1/issuers/{code}/did.json",
        "/api/v1/status-lists/{code}/{purpose}",
    }


def test_api_lookups_over_the_limit_get_429_with_retry_after(client, issued, settings):
    settings.LMS_VERIFY_RATE_LIMITS = {"lookup": (2, 60)}

    answers = [client.get(f"/api/v1/credentials/{issued.public_id}") for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 429]
    assert int(answers[-1]["Retry-After"]) >= 1
    assert answers[-1].json()["retry_after"] >= 1
