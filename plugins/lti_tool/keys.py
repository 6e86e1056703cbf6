"""The tool's RSA key pair: generated here, the private half stored
encrypted with ``LMS_KEY_PASSPHRASE`` (as the issuers' key files are) when
the passphrase is set, exposed as a JWKS."""

from __future__ import annotations

import json

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK

from certification.credentials.keys import key_passphrase, private_key_pem

from .models import ToolKey


def tool_key_create() -> ToolKey:
    """A new signing key; it becomes the current one."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = private_key_pem(private).decode()  # PBES2, as key files are
    public_pem = (
        private.public_key()
        .public_bytes(
            serialization.Encoding.PEM,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        .decode()
    )
    kid = JWK.from_pem(public_pem.encode()).thumbprint()
    return ToolKey.objects.create(
        kid=kid, public_pem=public_pem, private_pem=private_pem
    )


def current_tool_key() -> ToolKey:
    """The key that signs; created on first use."""
    return ToolKey.objects.first() or tool_key_create()


def private_pem_clear(key: ToolKey) -> str:
    """The private key as unencrypted PEM, for the signing library (memory
    only; never stored)."""
    data = key.private_pem.encode()
    private = serialization.load_pem_private_key(
        data, password=key_passphrase() if b"ENCRYPTED" in data else None
    )
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_jwk(key: ToolKey) -> dict:
    jwk = json.loads(JWK.from_pem(key.public_pem.encode()).export_public())
    jwk.update({"kid": key.kid, "alg": "RS256", "use": "sig"})
    return jwk


def jwks() -> dict:
    current_tool_key()
    return {"keys": [public_jwk(key) for key in ToolKey.objects.all()]}
