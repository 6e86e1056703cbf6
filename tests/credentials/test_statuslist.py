"""Bitstring Status List v1.0: encoding, bit order, entries and the signed
status list credential."""

import gzip

import pytest

from certification.credentials import keys, proof, statuslist
from certification.credentials.multibase import base64url_decode


def test_new_list_has_the_minimum_size_and_encodes_with_u_prefix():
    bits = statuslist.Bitstring()
    assert len(bits) == 131_072
    encoded = bits.encode()
    assert encoded.startswith("u")
    assert "=" not in encoded
    assert gzip.decompress(base64url_decode(encoded[1:])) == bytes(16_384)


def test_index_zero_is_the_left_most_bit_of_the_first_byte():
    bits = statuslist.Bitstring()
    bits.set(0)
    bits.set(9)
    bits.set(131_071)
    raw = bits.to_bytes()
    assert raw[0] == 0b1000_0000
    assert raw[1] == 0b0100_0000
    assert raw[-1] == 0b0000_0001


def test_encode_decode_round_trip_keeps_every_bit():
    bits = statuslist.Bitstring()
    indexes = [0, 7, 8, 1000, 94567, 131_071]
    bits.set_many(indexes)
    decoded = statuslist.Bitstring.decode(bits.encode())
    assert [i for i in range(len(decoded)) if decoded.get(i)] == indexes
    decoded.set(94567, False)
    assert not decoded.get(94567)


def test_short_or_malformed_lists_are_rejected():
    with pytest.raises(statuslist.StatusListError):
        statuslist.Bitstring(1024)
    short = "u" + __import__("base64").urlsafe_b64encode(
        gzip.compress(bytes(100))
    ).decode().rstrip("=")
    with pytest.raises(statuslist.StatusListError, match="fewer than"):
        statuslist.Bitstring.decode(short)
    with pytest.raises(statuslist.StatusListError):
        statuslist.Bitstring.decode("zNotBase64")
    with pytest.raises(statuslist.StatusListError, match="out of range"):
        statuslist.Bitstring().get(131_072)


def test_status_entry_shape():
    entry = statuslist.status_entry(
        status_list_credential="https://h/status/cl/revocation", index=42
    )
    assert entry == {
        "id": "https://h/status/cl/revocation#42",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "42",
        "statusListCredential": "https://h/status/cl/revocation",
    }


def test_status_list_credential_is_signed_and_answers_status_checks(issuer_keys):
    bits = statuslist.Bitstring()
    bits.set(42)
    list_url = "https://h/status/cl/revocation"
    credential = statuslist.status_list_credential(
        credential_id=list_url,
        issuer=keys.issuer_did("CL"),
        bitstring=bits,
        valid_from="2026-01-01T00:00:00Z",
    )
    assert credential["type"] == [
        "VerifiableCredential",
        "BitstringStatusListCredential",
    ]
    assert credential["credentialSubject"]["type"] == "BitstringStatusList"
    secured = proof.sign_document(
        credential,
        private_key=keys.load_signing_key("CL"),
        verification_method=keys.verification_method_id("CL"),
    )
    public = {keys.verification_method_id("CL"): keys.load_public_key("CL")}
    assert proof.verify_document(secured, public).verified
    revoked = statuslist.status_entry(status_list_credential=list_url, index=42)
    active = statuslist.status_entry(status_list_credential=list_url, index=43)
    assert statuslist.status_check(revoked, secured) is True
    assert statuslist.status_check(active, secured) is False
    suspension = statuslist.status_entry(
        status_list_credential=list_url, index=42, purpose="suspension"
    )
    with pytest.raises(statuslist.StatusListError, match="purposes"):
        statuslist.status_check(suspension, secured)


def test_two_bit_statuses_sit_at_index_times_size_most_significant_first():
    bits = statuslist.Bitstring(statuslist.MIN_BITS * 2)
    bits.set_value(3, statuslist.STATUS_REVOKED, 2)  # 0b10 at bits 6 and 7
    bits.set_value(4, statuslist.STATUS_SUSPENDED, 2)  # 0b01 at bits 8 and 9
    assert bits.to_bytes()[:2] == bytes([0b00000010, 0b01000000])
    assert [bits.get_value(i, 2) for i in range(6)] == [0, 0, 0, 2, 1, 0]
    bits.set_value(3, statuslist.STATUS_VALID, 2)
    assert bits.get_value(3, 2) == 0
    with pytest.raises(statuslist.StatusListError, match="does not fit"):
        bits.set_value(1, 4, 2)
    with pytest.raises(statuslist.StatusListError, match="out of range"):
        bits.get_value(statuslist.MIN_BITS, 2)


def test_message_entry_needs_one_message_per_value_and_is_read_by_them():
    url = "https://cultura.example/credentials/status/cl/message/"
    with pytest.raises(statuslist.StatusListError, match="statusMessage"):
        statuslist.status_entry(
            status_list_credential=url, index=1, purpose="message", status_size=2
        )
    with pytest.raises(statuslist.StatusListError, match="one message per"):
        statuslist.status_entry(
            status_list_credential=url,
            index=1,
            purpose="message",
            status_size=2,
            status_messages=statuslist.LIFECYCLE_MESSAGES[:3],
        )
    entry = statuslist.status_entry(
        status_list_credential=url,
        index=7,
        purpose="message",
        status_size=2,
        status_messages=statuslist.LIFECYCLE_MESSAGES,
    )
    assert entry["statusSize"] == 2 and len(entry["statusMessage"]) == 4
    bits = statuslist.Bitstring(statuslist.MIN_BITS * 2)
    bits.set_value(7, statuslist.STATUS_SUSPENDED, 2)
    listed = statuslist.status_list_credential(
        credential_id=url, issuer="did:web:cultura.example", bitstring=bits,
        purpose="message",
    )  # fmt: skip
    value = statuslist.status_read(entry, listed)
    assert statuslist.status_message(entry, value) == "suspended"
    assert statuslist.status_check(entry, listed) is True
    short = statuslist.status_list_credential(
        credential_id=url,
        issuer="did:web:cultura.example",
        bitstring=statuslist.Bitstring(),
        purpose="message",
    )
    with pytest.raises(statuslist.StatusListError, match="shorter"):
        statuslist.status_read(entry, short)
    broken = {**entry, "statusMessage": entry["statusMessage"][:2]}
    with pytest.raises(statuslist.StatusListError, match="every status value"):
        statuslist.status_read(broken, listed)
