"""Open Badges 3.0 OpenBadgeCredential building, signing and VC-JWT."""

import copy

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certification.credentials import keys, openbadge, proof, vcjwt


def test_identity_hash_matches_the_ob_specification_example():
    # OB 3.0 IdentityHash: 'a@example.com' salted with 'Kosher'.
    assert openbadge.identity_hash("a@example.com", "Kosher") == (
        "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
    )


def test_credential_has_the_ob3_shape(credential_data):
    credential = openbadge.credential_build(credential_data)
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == credential_data["id"]
    assert credential["issuer"] == {
        "id": "did:web:cultura.example%3A8443:issuers:cl",
        "type": ["Profile"],
        "name": "Ministerio de las Culturas, las Artes y el Patrimonio",
        "url": "https://www.cultura.gob.cl/",
    }
    assert credential["validFrom"] == "2026-03-01T15:30:00Z"
    assert credential["validUntil"] == "2029-03-01T15:30:00Z"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Certificate"
    assert achievement["criteria"] == {
        "narrative": "Demostró las unidades de competencia del perfil."
    }
    assert [a["targetCode"] for a in achievement["alignment"]] == [
        "P-9000-2642-001-V1",
        "U-9000-2642-002-V1",
    ]
    assert all(a["type"] == ["Alignment"] for a in achievement["alignment"])
    status = credential["credentialStatus"]
    assert [s["statusPurpose"] for s in status] == ["revocation", "suspension"]
    assert status[0]["type"] == "BitstringStatusListEntry"
    assert status[0]["statusListIndex"] == "94567"


def test_national_id_is_only_present_as_a_salted_hash(credential_data):
    credential = openbadge.credential_build(credential_data)
    name, hashed = credential["credentialSubject"]["identifier"]
    assert name == {
        "type": "IdentityObject",
        "identityType": "name",
        "hashed": False,
        "identityHash": "Ana María Pérez Núñez",
    }
    assert hashed["identityType"] == "nationalIdentityNumber"
    assert hashed["hashed"] is True
    assert hashed["identityHash"].startswith("sha256$")
    assert "12.345.678-5" not in repr(credential)
    assert openbadge.identity_matches("12.345.678-5", hashed)
    assert not openbadge.identity_matches("12.345.678-6", hashed)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("holder",), None, "credential.holder is required"),
        (("achievement", "criteria"), "", "achievement.criteria is required"),
        (("valid_from",), "2026-03-01", "time zone"),
        (("achievement", "achievement_type"), "Trophy", "achievementType"),
    ],
)
def test_bad_input_gets_a_clear_error(credential_data, path, value, message):
    data = copy.deepcopy(credential_data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(openbadge.CredentialDataError, match=message):
        openbadge.credential_build(data)


def test_signed_credential_verifies_with_the_published_key_and_fails_if_altered(
    issuer_keys, credential_data
):
    credential = openbadge.credential_build(credential_data)
    signed = openbadge.credential_sign_for_issuer(credential, issuer_code="CL")
    assert signed["proof"][0]["verificationMethod"] == keys.verification_method_id("CL")
    document = keys.did_document("CL")
    published = keys.public_keys_from_did_document(document)
    assert proof.verify_document(signed, published).verified
    signed["credentialSubject"]["identifier"][0]["identityHash"] = "Otra Persona"
    result = proof.verify_document(signed, published)
    assert not result.verified
    assert "signature" in result.reason


def test_vc_jwt_round_trip(issuer_keys, credential_data):
    credential = openbadge.credential_build(credential_data)
    kid = keys.verification_method_id("CL")
    token = vcjwt.credential_to_jwt(
        credential, private_key=keys.load_signing_key("CL"), kid=kid
    )
    import jwt

    header = jwt.get_unverified_header(token)
    assert header == {"alg": "EdDSA", "typ": "JWT", "kid": kid}
    result = vcjwt.verify_jwt(token, {kid: keys.load_public_key("CL")})
    assert result.verified, result.reason
    assert result.credential == credential


def test_vc_jwt_payload_carries_the_embedded_proof(issuer_keys, credential_data):
    """OB 3.0 section 8.2: embedded proofs are added before the JWT payload
    is made, so the payload is the secured credential, still verifiable."""
    signed = openbadge.credential_sign_for_issuer(
        openbadge.credential_build(credential_data), issuer_code="CL"
    )
    kid = keys.verification_method_id("CL")
    token = vcjwt.credential_to_jwt(
        signed, private_key=keys.load_signing_key("CL"), kid=kid
    )
    result = vcjwt.verify_jwt(token, keys.load_public_key("CL"))
    assert result.credential == signed
    assert proof.verify_document(result.credential, keys.load_public_key("CL"))


def test_tampered_or_foreign_vc_jwt_fails(issuer_keys, credential_data):
    credential = openbadge.credential_build(credential_data)
    kid = keys.verification_method_id("CL")
    token = vcjwt.credential_to_jwt(
        credential, private_key=keys.load_signing_key("CL"), kid=kid
    )
    header, payload, signature = token.split(".")
    other = vcjwt.credential_to_jwt(
        {**credential, "name": "Otro"}, private_key=keys.load_signing_key("CL"), kid=kid
    )
    swapped = ".".join([header, other.split(".")[1], signature])
    assert not vcjwt.verify_jwt(swapped, keys.load_public_key("CL")).verified
    stranger = Ed25519PrivateKey.generate()
    forged = vcjwt.credential_to_jwt(credential, private_key=stranger, kid=kid)
    result = vcjwt.verify_jwt(forged, keys.load_public_key("CL"))
    assert not result.verified
    assert "signature" in result.reason
    assert not vcjwt.verify_jwt("not-a-jwt", keys.load_public_key("CL")).verified
