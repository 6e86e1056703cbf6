"""Open Badges 3.0 conformance of everything the platform issues, checked with
implementations written by others.

- 1EdTech's official JSON Schemas, vendored unchanged in
  ``tests/interop/schemas`` (see its SOURCE.md: published at
  purl.imsglobal.org/spec/ob/v3p0/schema/json/ and .../clr/v2p0/schema/json/),
  applied with ajv (draft 2019-09, ``tests/interop/validate_schema.mjs``):
  ``ob_v3p0_achievementcredential_schema.json`` for every credential kind,
  ``ob_v3p0_profile_schema.json`` for the issuer Profile (embedded in the
  credentials and published at ``/api/v1/issuers/<code>``).
- The OB 3.0 verification steps (proof, dates, status) with Digital Bazaar's
  ``@digitalbazaar/vc`` + ``data-integrity`` + ``eddsa-jcs-2022-cryptosuite``
  + ``ed25519-multikey`` and ``vc-bitstring-status-list``, offline
  (``tests/interop/verify_ob.mjs``), the keys taken from the issuer's DID
  document.
- VC-JWTs with panva's ``jose`` against the issuer's published JWK Set
  (``tests/interop/verify_jwt.mjs``).

The official schemas are the JSON-LD adaptation 1EdTech publishes (a value
may be a single item or an array), so the stricter data-model checks below
(written from the OB 3.0 tables, plain dict inspection) stay beside them.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import logging
import re

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.utils import timezone

from certification.credentials import keys, openbadge, proof, statuslist, vcjwt
from certification.issuance.statuslists import status_list_get
from certification.issuance.storage import artefact_read
from certification.models import Credential, ProgramKind
from certification.services import evidence_record
from certification.verification.offline import status_checks
from tests.certification.conftest import make_program, make_standard
from tests.factories import UserFactory, evidence_attested
from tests.interop import run_node

AC_SCHEMA = "ob_v3p0/ob_v3p0_achievementcredential_schema.json"
PROFILE_SCHEMA = "ob_v3p0/ob_v3p0_profile_schema.json"


def official_schema_errors(schema: str, documents: list) -> list:
    """ajv's errors for each document against 1EdTech's schema ([] = valid)."""
    results = run_node(
        "validate_schema.mjs", {"schema": schema, "documents": documents}
    )
    return [result["errors"] for result in results]


def digital_bazaar_verify(documents, did_documents, status_lists=(), now=None):
    """Digital Bazaar's verification of each document (see verify_ob.mjs)."""
    payload = {
        "documents": documents,
        "did_documents": did_documents,
        "status_lists": {document["id"]: document for document in status_lists},
    }
    if now:
        payload["now"] = now
    return run_node("verify_ob.mjs", payload)["results"]


def jose_verify(tokens: list[str], jwks: dict, now=None) -> list[dict]:
    payload = {"tokens": tokens, "jwks": jwks}
    if now:
        payload["now"] = now
    return run_node("verify_jwt.mjs", payload)


def changed_character(document: dict) -> dict:
    """A copy of ``document`` with one character of its name changed."""
    altered = json.loads(json.dumps(document))
    name = altered["name"]
    altered["name"] = ("X" if name[0] != "X" else "Y") + name[1:]
    return altered


VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = re.compile(
    r"^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*\.json$"
)
OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json"
)
DATETIME = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", re.IGNORECASE
)
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


# --- OB 3.0 data model constraints ------------------------------------------


def _types(value) -> list:
    return value if isinstance(value, list) else [value]


def profile_errors(profile, where="issuer") -> list[str]:
    """OB 3.0 Profile: required ``id`` (URI) and ``type`` containing Profile."""
    if not isinstance(profile, dict):
        return [f"{where} is not an object"]
    errors = []
    if not URI.match(str(profile.get("id", ""))):
        errors.append(f"{where}.id is not a URI")
    if "Profile" not in _types(profile.get("type")):
        errors.append(f"{where}.type lacks Profile")
    for key in ("name", "url", "email", "description"):
        if key in profile and not isinstance(profile[key], str):
            errors.append(f"{where}.{key} is not a string")
    return errors


def proof_errors(document) -> list[str]:
    """The OB 3.0 schema's ``proof``: an array of objects with a ``type``."""
    proofs = document.get("proof")
    if not isinstance(proofs, list) or not proofs:
        return ["proof is not a non-empty array"]
    return [
        f"proof[{n}] lacks type"
        for n, item in enumerate(proofs)
        if not isinstance(item, dict) or not isinstance(item.get("type"), str)
    ]


def achievement_credential_errors(credential) -> list[str]:
    """Violations of the AchievementCredential constraints of OB 3.0."""
    errors = []
    for key in ("@context", "id", "type", "name", "issuer", "validFrom"):
        if key not in credential:
            errors.append(f"{key} is required")
    if "credentialSubject" not in credential:
        errors.append("credentialSubject is required")
    context = credential.get("@context")
    if not (
        isinstance(context, list)
        and len(context) >= 2
        and context[0] == VC_V2
        and OB3_CONTEXT.match(str(context[1]))
    ):
        errors.append("@context must start with the VC v2 and OB 3.0 contexts")
    types = _types(credential.get("type"))
    if "VerifiableCredential" not in types or not (
        {"AchievementCredential", "OpenBadgeCredential"} & set(types)
    ):
        errors.append("type lacks VerifiableCredential/AchievementCredential")
    if not URI.match(str(credential.get("id", ""))):
        errors.append("id is not a URI")
    for key in ("validFrom", "validUntil", "awardedDate"):
        if key in credential and not DATETIME.match(str(credential[key])):
            errors.append(f"{key} is not a date-time")
    errors += profile_errors(credential.get("issuer"))
    status = credential.get("credentialStatus")
    if status is not None:
        if not isinstance(status, dict):
            errors.append("credentialStatus is not a single object")
        else:
            if not URI.match(str(status.get("id", ""))):
                errors.append("credentialStatus.id is not a URI")
            if not isinstance(status.get("type"), str):
                errors.append("credentialStatus.type is not a string")
    schemas = credential.get("credentialSchema")
    if (
        not isinstance(schemas, list)
        or {"id": OB3_SCHEMA, "type": ("1EdTechJsonSchemaValidator2019")} not in schemas
    ):
        errors.append("credentialSchema does not name 1EdTech's schema")
    errors += proof_errors(credential)
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        return errors + ["credentialSubject is not an object"]
    if "AchievementSubject" not in _types(subject.get("type")):
        errors.append("credentialSubject.type lacks AchievementSubject")
    identifiers = subject.get("identifier") or []
    if "id" not in subject and not identifiers:
        errors.append("credentialSubject needs an id or an identifier")
    for n, identity in enumerate(identifiers):
        if not (
            isinstance(identity, dict)
            and identity.get("type") == "IdentityObject"
            and isinstance(identity.get("hashed"), bool)
            and isinstance(identity.get("identityHash"), str)
            and isinstance(identity.get("identityType"), str)
        ):
            errors.append(f"credentialSubject.identifier[{n}] is no IdentityObject")
    achievement = subject.get("achievement")
    if not isinstance(achievement, dict):
        return errors + ["credentialSubject.achievement is required"]
    for key in ("id", "type", "criteria", "description", "name"):
        if key not in achievement:
            errors.append(f"achievement.{key} is required")
    if "Achievement" not in _types(achievement.get("type")):
        errors.append("achievement.type lacks Achievement")
    criteria = achievement.get("criteria") or {}
    if not ({"id", "narrative"} & set(criteria)):
        errors.append("achievement.criteria needs an id or a narrative")
    for n, item in enumerate(achievement.get("alignment") or []):
        if "Alignment" not in _types(item.get("type")) or not (
            item.get("targetName") and URI.match(str(item.get("targetUrl", "")))
        ):
            errors.append(f"achievement.alignment[{n}] is no Alignment")
    return errors


def status_list_credential_errors(document) -> list[str]:
    """A BitstringStatusListCredential as VC Data Model 2.0 and the Bitstring
    Status List specification require it, with ``proof`` as an array."""
    errors = []
    if _types(document.get("@context"))[0] != VC_V2:
        errors.append("@context must start with the VC v2 context")
    if not {"VerifiableCredential", "BitstringStatusListCredential"} <= set(
        _types(document.get("type"))
    ):
        errors.append("type lacks BitstringStatusListCredential")
    issuer = document.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not URI.match(str(issuer_id)):
        errors.append("issuer is not a URI")
    subject = document.get("credentialSubject") or {}
    if subject.get("type") != "BitstringStatusList":
        errors.append("credentialSubject.type is not BitstringStatusList")
    if not str(subject.get("encodedList", "")).startswith("u"):
        errors.append("encodedList is not multibase base64url")
    return errors + proof_errors(document)


# --- an independent reader of Bitstring Status List (W3C spec, section 3.2) --


def read_status(entry: dict, list_credential: dict) -> int:
    """The value at ``statusListIndex * statusSize``, ``statusSize`` bits long,
    of the GZIP-compressed, multibase base64url ``encodedList``."""
    encoded = list_credential["credentialSubject"]["encodedList"]
    assert encoded[0] == "u"
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * 4))
    size = int(entry.get("statusSize", 1))
    assert len(raw) * 8 >= 131_072 * size
    start = int(entry["statusListIndex"]) * size
    value = 0
    for position in range(start, start + size):
        value = (value << 1) | ((raw[position // 8] >> (7 - position % 8)) & 1)
    return value


def message_of(entry: dict, value: int) -> str:
    (message,) = [
        m["message"] for m in entry["statusMessage"] if int(m["status"], 16) == value
    ]
    return message


# --- issued credentials -----------------------------------------------------


@pytest.fixture
def issuer_setup(settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    return "CL"


def _eligible(program, source_kind="manual"):
    user = UserFactory(legal_name="Ana María Pérez Núñez")
    assessor = UserFactory(legal_name="Rosa Evaluadora")
    for unit in program.required_units.all():
        if source_kind == "manual":
            # Named to an accredited assessor and confirmed (integrity rules).
            evidence_attested(
                learner=user,
                unit=unit,
                assessor=assessor,
                source_id=f"test-{unit.pk}",
                assessed_at=timezone.now(),
            )
        else:
            evidence_record(
                learner=user,
                unit=unit,
                source_kind=source_kind,
                source_id=f"test-{unit.pk}",
                assessed_at=timezone.now(),
            )
    return user


def _issue(user, program, capture) -> Credential:
    from certification.issuance.service import credential_issue

    with capture(execute=True):
        credential = credential_issue(user=user, program=program)
    credential.refresh_from_db()
    return credential


@pytest.fixture
def issued(db, issuer_setup, django_capture_on_commit_callbacks):
    """A competency certificate that expires, and a course completion that
    does not, both issued through the real pipeline."""
    standard = make_standard("CL", units=2, criteria=0)
    standard.title_en = "CL test standard"
    standard.save()
    competency = make_program(
        standard,
        code="cl-comp",
        validity_years=3,
        title_en="Book editor",
        description="Edición de libros",
        description_en="Book editing",
    )
    completion = make_program(
        standard,
        code="cl-curso",
        kind=ProgramKind.COURSE_COMPLETION,
        title_en="Course",
    )
    capture = django_capture_on_commit_callbacks
    return {
        "competency": _issue(_eligible(competency), competency, capture),
        "completion": _issue(
            _eligible(completion, source_kind="course"), completion, capture
        ),
    }


def _json(credential: Credential) -> dict:
    return json.loads(artefact_read(credential.json_file))


def test_every_issued_credential_kind_meets_ob3(issued, client):
    from certification.issuance.lifecycle import credential_revoke

    competency, completion = issued["competency"], issued["completion"]
    documents = {"competency": _json(competency), "completion": _json(completion)}
    assert documents["competency"]["validUntil"]  # the expiring kind
    assert "validUntil" not in documents["completion"]
    achievement_types = {
        kind: doc["credentialSubject"]["achievement"]["achievementType"]
        for kind, doc in documents.items()
    }
    assert achievement_types == {
        "competency": "Certification",
        "completion": "CertificateOfCompletion",
    }
    credential_revoke(credential=completion, actor=None, reason="Duplicado")
    documents["revoked"] = _json(Credential.objects.get(pk=completion.pk))
    for kind, document in documents.items():
        assert achievement_credential_errors(document) == [], kind
        assert isinstance(document["credentialStatus"], dict)
        identifiers = document["credentialSubject"]["identifier"]
        hashed = [i for i in identifiers if i["hashed"]]
        assert hashed and hashed[0]["identityHash"].startswith("sha256$")
    # 1EdTech's official schema, applied by ajv, to each issued document.
    names = list(documents)
    errors = official_schema_errors(AC_SCHEMA, list(documents.values()))
    assert dict(zip(names, errors, strict=True)) == {name: [] for name in names}
    # The issuer Profile: embedded, and as /api/v1/issuers/<code> publishes it.
    profile = client.get("/api/v1/issuers/cl").json()
    assert profile_errors({**documents["competency"]["issuer"]}) == []
    assert profile["did"] == profile["id"] == documents["competency"]["issuer"]["id"]
    assert official_schema_errors(
        PROFILE_SCHEMA, [documents["competency"]["issuer"], profile]
    ) == [[], []]
    # The official schema does reject what OB 3.0 forbids: two status entries.
    two_entries = json.loads(json.dumps(documents["competency"]))
    two_entries["credentialStatus"] = [two_entries["credentialStatus"]] * 2
    assert official_schema_errors(AC_SCHEMA, [two_entries])[0]


def test_holder_email_is_a_salted_hash_an_employer_can_check(issued):
    """credentialSubject.identifier carries the e-mail as an OB 3.0
    IdentityObject (emailAddress, hashed, salted); it matches the holder's
    address (normalised), not another one, and never appears in clear."""
    credential = issued["competency"]
    raw = artefact_read(credential.json_file).decode()
    assert credential.holder.email not in raw
    identifiers = json.loads(raw)["credentialSubject"]["identifier"]
    (email,) = [i for i in identifiers if i["identityType"] == "emailAddress"]
    assert email["type"] == "IdentityObject" and email["hashed"] is True
    assert len(email["salt"]) == 32
    import hashlib

    expected = hashlib.sha256(
        (credential.holder.email.lower() + email["salt"]).encode()
    ).hexdigest()
    assert email["identityHash"] == f"sha256${expected}"
    assert openbadge.identity_matches(f"  {credential.holder.email.upper()} ", email)
    assert not openbadge.identity_matches("otra@example.org", email)


def test_employer_checks_an_email_on_the_verify_page(issued, client):
    """«¿Es de esta persona?» on the public verify page: the address an
    employer types is compared with the credential's hashed emailAddress."""
    credential = issued["competency"]
    url = f"/verify/{credential.public_id}/holder/"
    assert (
        "¿Es de esta persona?"
        in client.get(f"/verify/{credential.public_id}/").content.decode()
    )

    def answer(email):
        response = client.post(url, {"email": email})
        html = response.content.decode()
        match = re.search(r'data-match="(\w+)"', html)
        return response.status_code, match.group(1) if match else None

    assert answer(credential.holder.email.upper()) == (200, "yes")
    assert answer("otra.persona@example.org") == (200, "no")
    assert answer("no es un correo") == (400, None)
    assert (
        client.post("/verify/" + "0" * 32 + "/holder/", {"email": "a@b.cl"}).status_code
        == 404
    )
    credential.public = False
    credential.save(update_fields=["public"])
    assert client.post(url, {"email": credential.holder.email}).status_code == 404


def test_status_list_credentials_meet_vc_and_proof_array(issued):
    lists = []
    for purpose in ("message", "revocation", "suspension"):
        document = status_list_get("cl", purpose)
        assert status_list_credential_errors(document) == [], purpose
        published = keys.public_keys_from_did_document(keys.did_document("CL"))
        assert proof.verify_document(document, published).verified
        lists.append(document)
    # Digital Bazaar's @digitalbazaar/vc verifies each list credential (its
    # eddsa-jcs-2022 proof with the key of the DID document), and fails one
    # whose name changed by one character.
    results = digital_bazaar_verify(
        [*lists, changed_character(lists[0])], [keys.did_document("CL")]
    )
    assert [r["verified"] for r in results] == [True, True, True, False], results


def test_issued_credentials_pass_the_ob3_verification_of_digital_bazaar(issued):
    """OB 3.0 "Verification and validation" (proof, dates, status) run by
    Digital Bazaar's libraries on the issued documents; a changed character
    fails; so does the credential of an issuer whose key it does not hold."""
    documents = [_json(issued["competency"]), _json(issued["completion"])]
    message = status_list_get("cl", "message")
    results = digital_bazaar_verify(
        [*documents, changed_character(documents[0])],
        [keys.did_document("CL")],
        [message],
    )
    assert [r["verified"] for r in results] == [True, True, False], results
    assert all(r["status"]["verified"] for r in results[:2])
    assert "Verification error" in results[2]["error"]
    # Another issuer's DID document does not verify this issuer's proof.
    keys.issuer_keys_generate(issuer_code="PE", organisation="Ministerio")
    other = keys.did_document("PE")
    other_as_cl = json.loads(
        json.dumps(other).replace(other["id"], documents[0]["issuer"]["id"])
    )
    (result,) = digital_bazaar_verify(documents[:1], [other_as_cl], [message])
    assert not result["verified"]
    # Expired: validUntil in the past for the verifier's clock.
    (later,) = digital_bazaar_verify(
        documents[:1], [keys.did_document("CL")], [message], now="2040-01-01T00:00:00Z"
    )
    assert not later["verified"] and "validUntil" in later["error"]


def test_one_status_entry_tells_suspension_and_revocation(issued):
    """Read with the spec's algorithm (not the project's reader): 0 valid,
    then suspended, reinstated, revoked."""
    from certification.issuance.lifecycle import (
        credential_reinstate,
        credential_revoke,
        credential_suspend,
    )

    credential = issued["competency"]
    entry = _json(credential)["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusPurpose"] == "message"
    assert entry["statusSize"] == 2
    assert len(entry["statusMessage"]) == 4
    assert entry["id"] != entry["statusListCredential"]

    document = _json(credential)
    did = keys.did_document("CL")

    def state():
        listed = status_list_get("cl", "message")
        assert listed["id"] == entry["statusListCredential"]
        assert listed["credentialSubject"]["statusPurpose"] == "message"
        mine = message_of(entry, read_status(entry, listed))
        # Digital Bazaar's generic reader (vc-bitstring-status-list 2.0.1):
        # it verifies the list and reads ONE bit at statusListIndex, ignoring
        # statusSize; the issuer keeps that bit as a "suspended or revoked"
        # flag (issuance.statuslists.allocation_range). The spec's 2-bit value,
        # read with the library's own decoder, tells which.
        (result,) = digital_bazaar_verify([document], [did], [listed])
        status = result["status"]
        assert result["verified"] and status["verified"], result
        assert status["message"] == mine
        assert status["bit"] is (mine != "valid")
        return mine

    assert state() == "valid"
    credential_suspend(credential=credential, actor=None, reason="Revisión")
    assert state() == "suspended"
    credential_reinstate(credential=credential, actor=None)
    assert state() == "valid"
    credential_revoke(credential=credential, actor=None, reason="Fraude")
    assert state() == "revoked"
    # The other credential of the issuer is untouched.
    other = _json(issued["completion"])["credentialStatus"]
    assert message_of(other, read_status(other, status_list_get("cl", "message"))) == (
        "valid"
    )


def test_vc_jwt_follows_ob3_with_rs256_and_a_jwk_from_the_did_document(issued, client):
    """OB 3.0 section 8.2 (JSON Web Token Proof Format), as published: JOSE
    header alg (RS256), kid (dereferences to a JWK), typ JWT, nothing else;
    the payload is the credential's JSON object (with its embedded proof)
    plus iss, jti, nbf, exp (validUntil), sub only with credentialSubject.id.
    Verified by panva's jose against the published JWKS, and by PyJWT."""
    credential = issued["competency"]
    token = artefact_read(credential.jwt_file).decode()
    header = jwt.get_unverified_header(token)
    assert set(header) == {"alg", "kid", "typ"}
    assert header["alg"] == "RS256" and header["typ"] == "JWT"

    did = client.get("/issuers/cl/did.json").json()
    methods = {m["id"]: m for m in did["verificationMethod"]}
    assert methods[header["kid"]]["type"] == "JsonWebKey"
    assert header["kid"] in did["assertionMethod"]
    jwks = client.get("/issuers/cl/jwks.json")
    assert jwks["Content-Type"] == "application/jwk-set+json"
    (published,) = [k for k in jwks.json()["keys"] if k["kid"] == header["kid"]]
    assert published["alg"] == "RS256" and published["kty"] == "RSA"
    assert {k: published[k] for k in ("kty", "n", "e")} == {
        k: methods[header["kid"]]["publicKeyJwk"][k] for k in ("kty", "n", "e")
    }

    signed = _json(credential)
    h, p, sig = token.split(".")
    flipped = p[:-2] + ("A" if p[-2] != "A" else "B") + p[-1]
    ok, tampered = jose_verify([token, f"{h}.{flipped}.{sig}"], jwks.json())
    assert ok["verified"], ok
    assert not tampered["verified"] and tampered["code"] in (
        "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        "ERR_JWS_INVALID",
        "ERR_JWT_CLAIM_VALIDATION_FAILED",
    )
    # jose enforces nbf/exp: after validUntil the token is refused.
    (late,) = jose_verify([token], jwks.json(), now="2040-01-01T00:00:00Z")
    assert late["code"] == "ERR_JWT_EXPIRED"

    claims = ok["payload"]
    assert "vc" not in claims
    registered = {"iss", "jti", "nbf", "exp"}
    assert {k: v for k, v in claims.items() if k not in registered} == signed
    assert claims["iss"] == signed["issuer"]["id"] == did["id"]
    assert claims["jti"] == signed["id"]
    assert claims["nbf"] == int(
        dt.datetime.fromisoformat(
            signed["validFrom"].replace("Z", "+00:00")
        ).timestamp()
    )
    assert claims["exp"] == int(
        dt.datetime.fromisoformat(
            signed["validUntil"].replace("Z", "+00:00")
        ).timestamp()
    )
    # No wallet DID is known for this holder: no credentialSubject.id, no sub.
    assert "id" not in signed["credentialSubject"] and "sub" not in claims
    # PyJWT agrees, and the platform's own verifier returns the credential.
    jwk = jwt.PyJWKSet.from_dict(jwks.json())[header["kid"]]
    assert jwt.decode(token, jwk.key, algorithms=["RS256"]) == claims
    result = vcjwt.verify_jwt(token, keys.jwt_keys_from_did_document(did))
    assert result.verified and result.credential == signed
    # The credential without expiry has no exp.
    (no_expiry,) = jose_verify(
        [artefact_read(issued["completion"].jwt_file).decode()], jwks.json()
    )
    assert no_expiry["verified"] and "exp" not in no_expiry["payload"]


class _Records(logging.Handler):
    """Collects log records (CI's PostgreSQL pass runs without pytest's
    logging plugin, so no caplog)."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def test_issuer_without_rsa_key_falls_back_to_eddsa(
    db, issuer_setup, django_capture_on_commit_callbacks
):
    directory = keys.key_directory("CL")
    (directory / keys.RSA_KEY_FILE).unlink()
    (directory / keys.RSA_PUBLIC_KEY_FILE).unlink()
    standard = make_standard("CL", units=1, criteria=0)
    program = make_program(standard, code="cl-old", validity_years=3)
    records = _Records()
    logger = logging.getLogger(vcjwt.__name__)
    logger.addHandler(records)
    try:
        credential = _issue(
            _eligible(program), program, django_capture_on_commit_callbacks
        )
    finally:
        logger.removeHandler(records)
    assert any("has no RSA key" in message for message in records.messages)
    token = artefact_read(credential.jwt_file).decode()
    header = jwt.get_unverified_header(token)
    assert header["alg"] == "EdDSA"
    document = keys.did_document("CL")
    jwks = {k["kid"]: k for k in keys.jwks_from_did_document(document)["keys"]}
    assert header["kid"] in jwks and jwks[header["kid"]]["kty"] == "OKP"
    claims = jwt.decode(token, jwt.PyJWK(jwks[header["kid"]]).key, algorithms=["EdDSA"])
    assert claims["jti"] == claims["id"]
    (by_jose,) = jose_verify([token], keys.jwks_from_did_document(document))
    assert by_jose["verified"] and by_jose["header"]["alg"] == "EdDSA"
    # The command adds the RSA key to the existing folder, keeping the others.
    from django.core.management import call_command

    before = keys.load_public_keys("CL")
    call_command("issuer_keys", issuer="CL")
    assert keys.load_rsa_signing_key("CL") is not None
    assert keys.load_public_keys("CL").keys() == before.keys()
    assert keys.rsa_verification_method_id("CL") in {
        m["id"] for m in keys.did_document("CL")["verificationMethod"]
    }


# --- openbadge-level checks (no database) -----------------------------------


def test_holder_with_a_wallet_is_the_subject_and_the_jwt_sub(key_dir, credential_data):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    holder_did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    credential_data["holder"]["id"] = holder_did
    credential_data["status"] = credential_data["status"][:1]
    signed = openbadge.credential_sign_for_issuer(
        openbadge.credential_build(credential_data), issuer_code="CL"
    )
    assert signed["credentialSubject"]["id"] == holder_did
    assert achievement_credential_errors(signed) == []
    assert official_schema_errors(AC_SCHEMA, [signed]) == [[]]
    key, kid = vcjwt.issuer_jwt_signer("CL")
    token = vcjwt.credential_to_jwt(signed, private_key=key, kid=kid)
    public = keys.jwt_keys_from_did_document(keys.did_document("CL"))[kid]
    claims = jwt.decode(token, public, algorithms=["RS256"])
    assert claims["sub"] == holder_did
    (by_jose,) = jose_verify(
        [token], keys.jwks_from_did_document(keys.did_document("CL"))
    )
    assert by_jose["verified"] and by_jose["payload"]["sub"] == holder_did
    assert vcjwt.verify_jwt(
        token, keys.jwt_keys_from_did_document(keys.did_document("CL"))
    ).verified


def test_jwt_whose_claims_disagree_with_the_credential_fails(key_dir, credential_data):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    key, kid = vcjwt.issuer_jwt_signer("CL")
    credential = openbadge.credential_build(credential_data)
    claims = vcjwt.jwt_claims(credential)
    claims["jti"] = "urn:uuid:00000000-0000-0000-0000-000000000000"
    token = jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})
    result = vcjwt.verify_jwt(
        token, keys.jwt_keys_from_did_document(keys.did_document("CL"))
    )
    assert not result.verified and "jti" in result.reason
    # An EdDSA key cannot stand in for the RSA one named by alg.
    ed = keys.load_public_key("CL")
    good = vcjwt.credential_to_jwt(credential, private_key=key, kid=kid)
    assert "not a RS256 key" in vcjwt.verify_jwt(good, {kid: ed}).reason


# --- what was issued before stays verifiable ---------------------------------


def test_old_shape_credentials_still_verify(key_dir, credential_data):
    """Proof as an object, two status entries, a VC-JOSE-COSE token (typ
    vc+jwt, the credential as payload): the shape of earlier issues."""
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    credential = openbadge.credential_build(credential_data)
    credential.pop("credentialSchema")
    assert isinstance(credential["credentialStatus"], list)
    method = keys.verification_method_id("CL")
    old = dict(credential)
    old["proof"] = proof.create_proof(
        credential,
        proof.proof_options(verification_method=method),
        keys.load_signing_key("CL"),
    )
    published = keys.public_keys_from_did_document(keys.did_document("CL"))
    assert proof.verify_document(old, published).verified
    old["name"] = "Otro"
    assert not proof.verify_document(old, published).verified

    legacy_token = jwt.encode(
        credential,
        keys.load_signing_key("CL"),
        algorithm="EdDSA",
        headers={"typ": "vc+jwt", "cty": "vc", "kid": method},
    )
    result = vcjwt.verify_jwt(
        legacy_token, keys.jwt_keys_from_did_document(keys.did_document("CL"))
    )
    assert result.verified, result.reason
    assert result.credential == credential
    # Tokens issued in VC Data Model 1.1's form (the credential in a vc claim,
    # which OB 3.0 verifiers still read) verify too, their claims checked.
    rsa_kid = keys.rsa_verification_method_id("CL")
    wrapped = {k: v for k, v in vcjwt.jwt_claims(credential).items() if len(k) == 3}
    vc_claim_token = jwt.encode(
        {**wrapped, "vc": credential},
        keys.load_rsa_signing_key("CL"),
        algorithm="RS256",
        headers={"typ": "JWT", "kid": rsa_kid},
    )
    did_keys = keys.jwt_keys_from_did_document(keys.did_document("CL"))
    result = vcjwt.verify_jwt(vc_claim_token, did_keys)
    assert result.verified and result.credential == credential
    forged = jwt.encode(
        {**wrapped, "jti": "urn:uuid:1", "vc": credential},
        keys.load_rsa_signing_key("CL"),
        algorithm="RS256",
        headers={"typ": "JWT", "kid": rsa_kid},
    )
    assert "jti" in vcjwt.verify_jwt(forged, did_keys).reason

    # Its two 1-bit lists are read offline as before.
    from certification.credentials.verify import Report

    report = Report()
    report.credential = credential
    issuer = credential["issuer"]["id"]
    lists = []
    for entry in credential["credentialStatus"]:
        bits = statuslist.Bitstring()
        if entry["statusPurpose"] == "suspension":
            bits.set(int(entry["statusListIndex"]))
        lists.append(
            proof.sign_document(
                statuslist.status_list_credential(
                    credential_id=entry["statusListCredential"],
                    issuer=issuer,
                    bitstring=bits,
                    purpose=entry["statusPurpose"],
                ),
                private_key=keys.load_signing_key("CL"),
                verification_method=method,
            )
        )
    status_checks(report, lists, published)
    outcome = {check.name: check.passed for check in report.checks}
    assert outcome == {"status (revocation)": True, "status (suspension)": False}


def test_forged_jwt_signed_by_another_key_fails(key_dir, credential_data):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    kid = keys.jwk_verification_method_id("CL")
    token = vcjwt.credential_to_jwt(
        openbadge.credential_build(credential_data),
        private_key=Ed25519PrivateKey.generate(),
        kid=kid,
    )
    result = vcjwt.verify_jwt(
        token, keys.jwt_keys_from_did_document(keys.did_document("CL"))
    )
    assert not result.verified and "signature" in result.reason


def test_message_list_is_made_for_an_issuer_whose_lists_predate_it(issued, client):
    from certification.models import StatusList

    StatusList.objects.filter(purpose="message").delete()
    response = client.get("/credentials/status/cl/message/")
    assert response.status_code == 200
    assert status_list_credential_errors(response.json()) == []
    entry = _json(issued["competency"])["credentialStatus"]
    assert read_status(entry, response.json()) == 0
    assert client.get("/credentials/status/pe/message/").status_code == 404
