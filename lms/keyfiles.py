"""Which private key files under a directory are stored in the clear.

Read by the production settings (which refuse to start while any is) and by
``certification.credentials.keys`` (which encrypts them). Only PEM headers are
looked at: no key is parsed and no passphrase is needed.
"""

from pathlib import Path

PLAIN_HEADERS = (
    b"-----BEGIN PRIVATE KEY-----",
    b"-----BEGIN RSA PRIVATE KEY-----",
    b"-----BEGIN EC PRIVATE KEY-----",
    b"-----BEGIN OPENSSH PRIVATE KEY-----",
)
ENCRYPTED_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
# PEM files from before PKCS#8 carry "Proc-Type: 4,ENCRYPTED" under a plain
# header; they are encrypted too.
LEGACY_ENCRYPTED = b"Proc-Type: 4,ENCRYPTED"


def private_key_files(directory: Path) -> list[Path]:
    """Every regular ``*.pem`` file under ``directory`` holding a private key
    (encrypted or not), sorted."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.rglob("*.pem")):
        if not path.is_file() or path.is_symlink():
            continue
        head = path.read_bytes()[:4096]
        if ENCRYPTED_HEADER in head or any(h in head for h in PLAIN_HEADERS):
            found.append(path)
    return found


def is_encrypted(data: bytes) -> bool:
    return ENCRYPTED_HEADER in data or LEGACY_ENCRYPTED in data


def unencrypted_private_keys(directory: Path) -> list[Path]:
    """The private key files under ``directory`` anyone who reads them can use."""
    return [
        path
        for path in private_key_files(directory)
        if not is_encrypted(path.read_bytes()[:4096])
    ]
