"""Bitstring Status List v1.0 (W3C Recommendation).

- The bitstring is at least 131,072 bits (16 KiB) long, for herd privacy.
- Index 0 is the left-most bit of the first byte (the most significant bit).
- ``encodedList`` = multibase base64url (``u`` prefix, no padding) of the
  GZIP-compressed bitstring.
- A credential points into a list with a ``BitstringStatusListEntry``; the
  list itself is published as a ``BitstringStatusListCredential``.
- An entry may have ``statusSize`` > 1 bits (then ``statusMessage`` lists
  what each value means, one message per value): its status is the
  ``statusSize`` bits from bit ``statusListIndex * statusSize``, the first of
  them the most significant.

Credentials carry ONE entry (Open Badges 3.0 allows at most one
``credentialStatus``): purpose ``message``, ``statusSize`` 2, and the messages
of :data:`LIFECYCLE_MESSAGES` (0x0 valid, 0x1 suspended, 0x2 revoked; 0x3 is
never written and also means revoked). So one lookup tells both revocation
and suspension. Credentials issued before carry two 1-bit entries
(``revocation`` and ``suspension``), whose lists are still published.
"""

import gzip
import io
from collections.abc import Iterable

from .multibase import MultibaseError, base64url_multibase_decode
from .multibase import base64url_multibase_encode as _u

MIN_BITS = 131_072
VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
STATUS_PURPOSES = ("revocation", "suspension", "refresh", "message")
LIFECYCLE_STATUS_SIZE = 2
STATUS_VALID, STATUS_SUSPENDED, STATUS_REVOKED = 0, 1, 2
LIFECYCLE_MESSAGES = [
    {"status": "0x0", "message": "valid"},
    {"status": "0x1", "message": "suspended"},
    {"status": "0x2", "message": "revoked"},
    {"status": "0x3", "message": "revoked"},
]


class StatusListError(ValueError):
    """The encoded list is malformed, too short, or an index is out of range."""


class Bitstring:
    """A mutable bitstring; index 0 is the most significant bit of byte 0."""

    __slots__ = ("_bytes",)

    def __init__(self, length_bits: int = MIN_BITS, data: bytes | None = None):
        if data is not None:
            self._bytes = bytearray(data)
            return
        if length_bits < MIN_BITS or length_bits % 8:
            raise StatusListError(
                f"a status list has at least {MIN_BITS} bits, in whole bytes"
            )
        self._bytes = bytearray(length_bits // 8)

    def __len__(self) -> int:
        return len(self._bytes) * 8

    def _check(self, index: int) -> None:
        if not isinstance(index, int) or isinstance(index, bool):
            raise StatusListError(f"status list index must be an integer: {index!r}")
        if not 0 <= index < len(self):
            raise StatusListError(
                f"status list index {index} out of range (0..{len(self) - 1})"
            )

    def get(self, index: int) -> bool:
        self._check(index)
        return bool(self._bytes[index // 8] & (0x80 >> (index % 8)))

    def set(self, index: int, value: bool = True) -> None:
        self._check(index)
        mask = 0x80 >> (index % 8)
        if value:
            self._bytes[index // 8] |= mask
        else:
            self._bytes[index // 8] &= ~mask & 0xFF

    def get_value(self, index: int, size: int = 1) -> int:
        """The ``size``-bit status at entry ``index`` (first bit most significant)."""
        self._check(index * size + size - 1)
        value = 0
        for bit in range(index * size, index * size + size):
            value = (value << 1) | self.get(bit)
        return value

    def set_value(self, index: int, value: int, size: int = 1) -> None:
        if not 0 <= value < (1 << size):
            raise StatusListError(f"status {value} does not fit in {size} bits")
        self._check(index * size + size - 1)
        for offset in range(size):
            bit = (value >> (size - 1 - offset)) & 1
            self.set(index * size + offset, bool(bit))

    def set_many(self, indexes: Iterable[int], value: bool = True) -> None:
        for index in indexes:
            self.set(index, value)

    def to_bytes(self) -> bytes:
        return bytes(self._bytes)

    def encode(self) -> str:
        return encode_bitstring(self.to_bytes())

    @classmethod
    def decode(cls, encoded_list: str) -> "Bitstring":
        return cls(data=decode_bitstring(encoded_list))


def encode_bitstring(data: bytes) -> str:
    """GZIP then multibase base64url (no padding): the ``encodedList`` value."""
    if len(data) * 8 < MIN_BITS:
        raise StatusListError(f"a status list has at least {MIN_BITS} bits")
    buffer = io.BytesIO()
    # mtime=0 makes the encoding deterministic for the same bits.
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as handle:
        handle.write(data)
    return _u(buffer.getvalue())


def decode_bitstring(encoded_list: str) -> bytes:
    """Inverse of :func:`encode_bitstring`; rejects lists shorter than 16 KiB."""
    try:
        compressed = base64url_multibase_decode(encoded_list)
        data = gzip.decompress(compressed)
    except (MultibaseError, OSError, EOFError) as exc:
        raise StatusListError(f"encodedList cannot be decoded: {exc}") from exc
    if len(data) * 8 < MIN_BITS:
        raise StatusListError(
            f"the decoded status list has {len(data) * 8} bits, fewer than {MIN_BITS}"
        )
    return data


def status_entry(
    *,
    status_list_credential: str,
    index: int,
    purpose: str = "revocation",
    status_size: int = 1,
    status_messages: list[dict] | None = None,
) -> dict:
    """A ``BitstringStatusListEntry`` for a credential's ``credentialStatus``."""
    if status_size < 1 or (status_size > 1 and not status_messages):
        raise StatusListError("a statusSize above 1 needs its statusMessage")
    if status_messages and len(status_messages) != 1 << status_size:
        raise StatusListError("statusMessage needs one message per status value")
    if purpose not in STATUS_PURPOSES:
        raise StatusListError(f"unknown status purpose {purpose!r}")
    if not isinstance(index, int) or index < 0:
        raise StatusListError(f"status list index must be >= 0: {index!r}")
    return {
        "id": f"{status_list_credential}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": status_list_credential,
    } | (
        {
            "statusSize": status_size,
            "statusMessage": [dict(message) for message in status_messages],
        }
        if status_messages
        else {}
    )


def status_list_credential(
    *,
    credential_id: str,
    issuer: str | dict,
    bitstring: Bitstring,
    purpose: str = "revocation",
    valid_from: str | None = None,
    valid_until: str | None = None,
    ttl_ms: int | None = None,
    name: str | None = None,
) -> dict:
    """An unsigned ``BitstringStatusListCredential`` (sign it with proof.py)."""
    if purpose not in STATUS_PURPOSES:
        raise StatusListError(f"unknown status purpose {purpose!r}")
    subject = {
        "id": f"{credential_id}#list",
        "type": "BitstringStatusList",
        "statusPurpose": purpose,
        "encodedList": bitstring.encode(),
    }
    if ttl_ms is not None:
        subject["ttl"] = ttl_ms
    credential = {
        "@context": [VC_V2_CONTEXT],
        "id": credential_id,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
    }
    if name:
        credential["name"] = name
    if valid_from:
        credential["validFrom"] = valid_from
    if valid_until:
        credential["validUntil"] = valid_until
    credential["credentialSubject"] = subject
    return credential


def status_read(entry: dict, list_credential: dict) -> int:
    """The status value of ``entry`` in the (already verified) list.

    Follows the spec's validation steps: the purposes must match, the entry's
    ``statusSize`` bits must be inside the list, and an entry with more than
    one bit must say what each value means. Raises StatusListError otherwise.
    """
    if entry.get("type") != "BitstringStatusListEntry":
        raise StatusListError("credentialStatus is not a BitstringStatusListEntry")
    subject = list_credential.get("credentialSubject") or {}
    if "BitstringStatusListCredential" not in (list_credential.get("type") or []):
        raise StatusListError("not a BitstringStatusListCredential")
    purposes = subject.get("statusPurpose")
    purposes = purposes if isinstance(purposes, list) else [purposes]
    if entry.get("statusPurpose") not in purposes:
        raise StatusListError("status purposes of the entry and the list differ")
    try:
        index = int(entry.get("statusListIndex"))
    except (TypeError, ValueError) as exc:
        raise StatusListError("statusListIndex is not an integer") from exc
    size = entry.get("statusSize", 1)
    if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= 8:
        raise StatusListError(f"unsupported statusSize {size!r}")
    messages = entry.get("statusMessage")
    if size > 1 and (not isinstance(messages, list) or len(messages) != 1 << size):
        raise StatusListError("statusMessage does not list every status value")
    bits = Bitstring.decode(subject.get("encodedList"))
    if len(bits) < MIN_BITS * size:
        raise StatusListError(f"the list is shorter than {MIN_BITS * size} bits")
    return bits.get_value(index, size)


def status_message(entry: dict, value: int) -> str:
    """What ``value`` means for ``entry`` (its statusMessage, else its purpose)."""
    for message in entry.get("statusMessage") or []:
        try:
            if isinstance(message, dict) and int(str(message.get("status")), 16) == (
                value
            ):
                return str(message.get("message", ""))
        except ValueError:
            continue
    return str(entry.get("statusPurpose", "")) if value else "valid"


def status_check(entry: dict, list_credential: dict) -> bool:
    """Whether the status of ``entry`` is set (non-zero) in the list.

    See :func:`status_read` for the checks; raises StatusListError.
    """
    return bool(status_read(entry, list_credential))
