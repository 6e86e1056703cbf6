"""The message list read by a verifier that ignores ``statusSize`` (one bit at
``statusListIndex``, as ``@digitalbazaar/vc-bitstring-status-list`` 2.0.1
does) and by one that follows it (two bits from ``statusListIndex * 2``)."""

import base64
import gzip
import json

from certification.issuance.lifecycle import (
    credential_reinstate,
    credential_revoke,
    credential_suspend,
)
from certification.issuance.statuslists import allocation_range, status_list_get
from certification.issuance.storage import artefact_read
from certification.models import Credential
from tests.credentials.test_conformance import message_of, read_status

ENTRIES = 131_072  # 2-bit slots of the message list; L = 2 * ENTRIES bits


def read_one_bit(entry: dict, list_credential: dict) -> int:
    """The spec's decoding (multibase 'u' + base64url, then GZIP), then the
    single bit at ``statusListIndex`` counted from the left."""
    encoded = list_credential["credentialSubject"]["encodedList"]
    assert encoded[0] == "u"
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * 4))
    index = int(entry["statusListIndex"])
    return (raw[index // 8] >> (7 - index % 8)) & 1


def entry_of(credential) -> dict:
    return json.loads(artefact_read(credential.json_file))["credentialStatus"]


def both_readers(credential) -> tuple[int, str]:
    entry = entry_of(credential)
    listed = status_list_get("cl", "message")
    assert listed["credentialSubject"]["statusPurpose"] == entry["statusPurpose"]
    return read_one_bit(entry, listed), message_of(entry, read_status(entry, listed))


def test_new_indexes_lie_in_the_upper_half_of_the_slots(issue):
    assert allocation_range(ENTRIES) == (2 * ENTRIES // 4, 2 * ENTRIES // 2)
    for name in ("Ana Uno", "Berta Dos", "Carla Tres"):
        index = int(entry_of(issue(name=name))["statusListIndex"])
        assert ENTRIES // 2 <= index < ENTRIES


def test_both_readers_see_valid_suspended_and_revoked(issue):
    valid = issue(name="Ana Válida")
    suspended = issue(name="Berta Suspendida")
    revoked = issue(name="Carla Revocada")
    assert both_readers(suspended) == (0, "valid")
    credential_suspend(credential=suspended, actor=None, reason="Revisión")
    credential_revoke(credential=revoked, actor=None, reason="Fraude")
    assert both_readers(valid) == (0, "valid")
    assert both_readers(suspended) == (1, "suspended")
    assert both_readers(revoked) == (1, "revoked")
    credential_reinstate(credential=suspended, actor=None)
    assert both_readers(suspended) == (0, "valid")
    assert both_readers(revoked) == (1, "revoked")


def test_a_credential_issued_before_keeps_its_index_and_its_status(issue):
    """An earlier credential whose 2-bit slot holds the flag bit of a new one:
    the earlier status wins and both read right with statusSize."""
    new = issue(name="Ana Nueva")
    earlier = issue(name="Berta Anterior")
    new_index = int(entry_of(new)["statusListIndex"])
    # As if issued before the layout, at the slot holding bit ``new_index``.
    Credential.objects.filter(pk=earlier.pk).update(status_index=new_index // 2)
    earlier.refresh_from_db()
    earlier_entry = {**entry_of(earlier), "statusListIndex": str(new_index // 2)}
    credential_revoke(credential=new, actor=None, reason="Fraude")
    listed = status_list_get("cl", "message")
    assert message_of(earlier_entry, read_status(earlier_entry, listed)) == "valid"
    assert message_of(entry_of(new), read_status(entry_of(new), listed)) == "revoked"
    credential_suspend(credential=earlier, actor=None, reason="Revisión")
    listed = status_list_get("cl", "message")
    assert message_of(earlier_entry, read_status(earlier_entry, listed)) == (
        "suspended"
    )
    assert message_of(entry_of(new), read_status(entry_of(new), listed)) == "revoked"
