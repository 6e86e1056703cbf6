"""eddsa-jcs-2022 Data Integrity proofs: the W3C test vector, round trips and
tampering."""

import copy
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from certification.credentials import proof
from certification.credentials.multibase import (
    base58btc_multibase_decode,
    ed25519_public_key_from_multikey,
    ed25519_public_key_to_multikey,
)

# From the W3C vc-di-eddsa repository, TestVectors/ (keyPair.json and
# eddsa-jcs-2022/signedJCS.json): the spec's published example.
VECTOR = json.loads(
    (Path(__file__).parent / "vectors" / "eddsa-jcs-2022-signed.json").read_text()
)
VECTOR_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
VECTOR_PRIVATE = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"
VECTOR_DOC_HASH = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19"


def vector_private_key():
    data = base58btc_multibase_decode(VECTOR_PRIVATE)
    assert data[:2] == b"\x80\x26"  # multicodec ed25519-priv
    return Ed25519PrivateKey.from_private_bytes(data[2:])


def test_the_spec_test_vector_verifies():
    public_key = ed25519_public_key_from_multikey(VECTOR_PUBLIC)
    result = proof.verify_document(VECTOR, public_key)
    assert result.verified, result.reason
    assert "proof" not in result.document


def test_creating_the_spec_example_reproduces_its_proof_value_exactly():
    private_key = vector_private_key()
    assert ed25519_public_key_to_multikey(private_key.public_key()) == VECTOR_PUBLIC
    unsecured = {k: v for k, v in VECTOR.items() if k != "proof"}
    options = {
        k: v for k, v in VECTOR["proof"].items() if k not in ("proofValue", "@context")
    }
    created = proof.create_proof(unsecured, options, private_key)
    assert created == VECTOR["proof"]


def test_document_hash_is_the_second_half_of_hash_data():
    unsecured = {k: v for k, v in VECTOR.items() if k != "proof"}
    options = {k: v for k, v in VECTOR["proof"].items() if k != "proofValue"}
    data = proof.hash_data(
        proof.transform(unsecured, options),
        proof.proof_configuration(options, unsecured),
    )
    assert len(data) == 64
    assert data[32:].hex() == VECTOR_DOC_HASH


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.__setitem__("name", "Alumni Credential!"),
        lambda d: d["credentialSubject"].__setitem__("alumniOf", "Other School"),
        lambda d: d.__setitem__("validFrom", "2023-01-01T00:00:01Z"),
        lambda d: d["proof"].__setitem__("created", "2023-02-24T23:36:39Z"),
        lambda d: d["proof"].__setitem__("proofValue", d["proof"]["proofValue"][:-1]),
        lambda d: d["@context"].insert(0, "https://example.org/extra"),
    ],
    ids=["name", "subject", "validFrom", "created", "proofValue", "context"],
)
def test_changing_one_field_makes_verification_fail(mutate):
    tampered = copy.deepcopy(VECTOR)
    mutate(tampered)
    public_key = ed25519_public_key_from_multikey(VECTOR_PUBLIC)
    result = proof.verify_document(tampered, public_key)
    assert not result.verified
    assert result.reason


def test_proof_context_must_prefix_document_context():
    tampered = copy.deepcopy(VECTOR)
    tampered["@context"] = list(reversed(tampered["@context"]))
    result = proof.verify_document(
        tampered, ed25519_public_key_from_multikey(VECTOR_PUBLIC)
    )
    assert not result.verified
    assert "@context" in result.reason


def test_appending_a_context_keeps_the_proof_valid_as_the_spec_says():
    """Verify Proof step 4: only the prefix given in proof.@context is signed."""
    extended = copy.deepcopy(VECTOR)
    extended["@context"].append("https://example.org/extra")
    result = proof.verify_document(
        extended, ed25519_public_key_from_multikey(VECTOR_PUBLIC)
    )
    assert result.verified
    assert result.document["@context"] == VECTOR["@context"]


def test_wrong_key_fails_with_a_reason():
    other = Ed25519PrivateKey.generate().public_key()
    result = proof.verify_document(VECTOR, other)
    assert not result.verified
    assert "signature" in result.reason


def test_unknown_verification_method_fails():
    result = proof.verify_document(VECTOR, {"did:example:other#key-1": None})
    assert not result.verified
    assert "verification method" in result.reason


def test_wrong_proof_purpose_fails():
    result = proof.verify_document(
        VECTOR,
        ed25519_public_key_from_multikey(VECTOR_PUBLIC),
        expected_purpose="authentication",
    )
    assert not result.verified


def test_sign_document_round_trip_with_a_fresh_key():
    key = Ed25519PrivateKey.generate()
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": "did:web:example.org",
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"name": "Ñandú €", "score": 0.1},
    }
    secured = proof.sign_document(
        document, private_key=key, verification_method="did:web:example.org#key-1"
    )
    assert "proof" not in document
    assert secured["proof"][0]["@context"] == document["@context"]
    assert proof.is_datetime_stamp(secured["proof"][0]["created"])
    result = proof.verify_document(
        secured, {"did:web:example.org#key-1": key.public_key()}
    )
    assert result.verified, result.reason
    assert result.document == document


def test_invalid_created_is_rejected_at_creation():
    key = Ed25519PrivateKey.generate()
    with pytest.raises(proof.ProofError) as excinfo:
        proof.sign_document(
            {"a": 1},
            private_key=key,
            verification_method="did:x#k",
            created="2026-01-01 10:00",
        )
    assert excinfo.value.code == "INVALID_PROOF_DATETIME"


def test_document_without_proof_is_reported():
    result = proof.verify_document({"a": 1}, Ed25519PrivateKey.generate().public_key())
    assert not result.verified
    assert result.reason == "the document has no proof"
