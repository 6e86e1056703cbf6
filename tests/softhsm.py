"""A fresh SoftHSM2 token per test, for the key custody tests.

SoftHSM2 (Debian package ``softhsm2``, installed by ``.ci/debian-packages
test``) reads ``SOFTHSM2_CONF`` when the PKCS#11 library is initialised: each
test writes a configuration pointing at a token directory of its own,
initialises a token there with ``softhsm2-util --init-token`` and
re-initialises the library of this process, so tokens never leak between
tests.
"""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "4711"
SO_PIN = "271828"


@dataclass(frozen=True)
class SoftHsm:
    module: str
    token: str
    pin: str
    conf: Path

    def private_keys(self) -> list:
        """Every private key object in the token (python-pkcs11 handles)."""
        from pkcs11 import Attribute, ObjectClass

        from certification.credentials import hsm

        session = hsm.session(self.token)
        return list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))


def softhsm_token(
    tmp_path: Path, monkeypatch, settings, label="lms-issuers"
) -> SoftHsm:
    """Configure SoftHSM2 in ``tmp_path`` with one token, point the settings
    at it, and return it."""
    util = shutil.which("softhsm2-util")
    if util is None or not Path(MODULE).exists():
        pytest.fail("SoftHSM2 missing: run .ci/debian-packages test")
    tokens = tmp_path / "softhsm-tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n"
    )
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(
        [
            util,
            "--init-token",
            "--free",
            "--label",
            label,
            "--pin",
            PIN,
            "--so-pin",
            SO_PIN,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    reinitialise()
    settings.LMS_PKCS11_MODULE = MODULE
    settings.LMS_PKCS11_TOKEN = label
    settings.LMS_PKCS11_PIN = PIN
    return SoftHsm(MODULE, label, PIN, conf)


def reinitialise() -> None:
    """Close this process's sessions and re-read SOFTHSM2_CONF."""
    import pkcs11

    from certification.credentials import hsm

    hsm.sessions_close()
    pkcs11.lib(MODULE).reinitialize()
