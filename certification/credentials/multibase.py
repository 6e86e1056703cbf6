"""Multibase and Multikey encodings used by Data Integrity and did:web documents.

- base58btc multibase: the prefix ``z`` followed by the Bitcoin base58 alphabet.
- base64url multibase: the prefix ``u`` followed by base64url without padding
  (RFC 4648 section 5), as used by the Bitstring Status List ``encodedList``.
- Multikey for Ed25519: base58btc of the multicodec header ``0xed 0x01``
  (``ed25519-pub``) followed by the 32-byte public key.
"""

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {char: index for index, char in enumerate(BASE58_ALPHABET)}
ED25519_PUB_MULTICODEC = b"\xed\x01"


class MultibaseError(ValueError):
    """A value is not valid multibase / multikey data."""


def base58_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, remainder = divmod(number, 58)
        encoded = BASE58_ALPHABET[remainder] + encoded
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + encoded


def base58_decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _BASE58_INDEX:
            raise MultibaseError(f"invalid base58 character {char!r}")
        number = number * 58 + _BASE58_INDEX[char]
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_ones = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_ones + body


def base58btc_multibase_encode(data: bytes) -> str:
    return "z" + base58_encode(data)


def base58btc_multibase_decode(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("z"):
        raise MultibaseError("expected a base58btc multibase value starting with 'z'")
    return base58_decode(text[1:])


def base64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def base64url_decode(text: str) -> bytes:
    if not isinstance(text, str):
        raise MultibaseError("expected a base64url string")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise MultibaseError(f"invalid base64url data: {exc}") from exc


def base64url_multibase_encode(data: bytes) -> str:
    return "u" + base64url_encode(data)


def base64url_multibase_decode(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("u"):
        raise MultibaseError("expected a base64url multibase value starting with 'u'")
    return base64url_decode(text[1:])


def ed25519_public_key_to_multikey(public_key: Ed25519PublicKey) -> str:
    """``publicKeyMultibase`` of an Ed25519 key: ``z`` + base58(0xed01 + key)."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base58btc_multibase_encode(ED25519_PUB_MULTICODEC + raw)


def ed25519_public_key_from_multikey(value: str) -> Ed25519PublicKey:
    data = base58btc_multibase_decode(value)
    if len(data) != 34 or not data.startswith(ED25519_PUB_MULTICODEC):
        raise MultibaseError("not an Ed25519 Multikey (header 0xed01 + 32 bytes)")
    return Ed25519PublicKey.from_public_bytes(data[2:])
