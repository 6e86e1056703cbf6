"""The platform's RSA key: generated on first use under ``LMS_KEY_DIR/lti/``,
encrypted with ``LMS_KEY_PASSPHRASE`` like every other private key (the
production settings refuse to start while a key file is in the clear)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings

from certification.credentials.keys import key_passphrase, private_key_pem
from certification.credentials.keys import public_jwk as issuer_public_jwk

KEY_FILE = Path("lti") / "platform.pem"
_lock = threading.Lock()
_loaded: dict[tuple, rsa.RSAPrivateKey] = {}


def key_path() -> Path:
    return Path(settings.LMS_KEY_DIR) / KEY_FILE


def _create(path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    data = private_key_pem(key)  # PBES2, as every other key file
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process made it first
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def platform_key() -> rsa.RSAPrivateKey:
    path = key_path()
    with _lock:
        if not path.exists():
            _create(path)
        stat = path.stat()
        cache_key = (str(path), stat.st_mtime_ns, stat.st_size)
        if cache_key not in _loaded:
            data = path.read_bytes()
            password = key_passphrase() if b"ENCRYPTED" in data else None
            _loaded.clear()
            _loaded[cache_key] = serialization.load_pem_private_key(
                data, password=password
            )
        return _loaded[cache_key]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_jwk() -> dict:
    full = issuer_public_jwk(platform_key().public_key())
    jwk = {name: full[name] for name in ("e", "kty", "n")}
    # RFC 7638 thumbprint as the key id.
    canonical = json.dumps(jwk, sort_keys=True, separators=(",", ":")).encode()
    jwk["kid"] = _b64(hashlib.sha256(canonical).digest())
    return {**jwk, "alg": "RS256", "use": "sig"}


def sign(claims: dict) -> str:
    return jwt.encode(
        claims, platform_key(), algorithm="RS256", headers={"kid": public_jwk()["kid"]}
    )
