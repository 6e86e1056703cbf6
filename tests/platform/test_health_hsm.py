"""``/health/`` looks up the issuers' keys held in a PKCS#11 token (SoftHSM2):
a key deleted from the token, a wrong PIN, a wrong module path or a token that
does not answer is a 503 naming the issuer, the key and the problem."""

import gc
import threading

import pytest
from django.core.management import call_command
from pkcs11 import ObjectClass

from certification.credentials import hsm
from tests.certification.conftest import make_program, make_standard
from tests.softhsm import softhsm_token


@pytest.fixture
def token(tmp_path, monkeypatch, settings):
    yield softhsm_token(tmp_path, monkeypatch, settings)
    # A probe left behind by the timeout test finishes its search before the
    # sessions close (else its search, collected later, fails on a closed
    # session in whatever test runs then).
    for thread in threading.enumerate():
        if thread.name == "hsm-probe":
            thread.join(10)
    hsm.sessions_close()
    gc.collect()


@pytest.fixture
def hsm_issuer(db, settings, tmp_path, token):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("issuer_keys", "--issuer", "CL", "--hsm")
    make_program(make_standard("CL", units=1, criteria=0))
    return token


def keys_check(client) -> tuple[int, dict]:
    response = client.get("/health/")
    return response.status_code, response.json()["checks"]["issuer_keys"]


def test_keys_found_in_the_token_pass(client, hsm_issuer):
    status, check = keys_check(client)
    assert status == 200
    assert check["ok"] is True and check["note"] == "CL"
    status, _ = keys_check(client)  # again, on the session kept open
    assert status == 200


def test_a_key_deleted_from_the_token_answers_503_naming_it(client, hsm_issuer):
    assert keys_check(client)[0] == 200
    session = hsm.session(hsm_issuer.token)
    session.get_key(
        object_class=ObjectClass.PRIVATE_KEY, label="CL/rsa-key-1"
    ).destroy()

    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["failed"] == ["issuer_keys"]
    check = response.json()["checks"]["issuer_keys"]
    assert check["error"] == "KeysUnreadable"
    assert check["problems"] == [
        {
            "issuer": "CL",
            "key": "rsa",
            "token": "lms-issuers",
            "label": "CL/rsa-key-1",
            "problem": "key not found in the token",
        }
    ]


def test_a_wrong_pin_answers_503(client, hsm_issuer, settings):
    hsm.sessions_close()  # a process started with the wrong PIN
    settings.LMS_PKCS11_PIN = "0000"
    status, check = keys_check(client)
    assert status == 503
    assert {(p["key"], p["problem"]) for p in check["problems"]} == {
        ("ed25519", "wrong PIN for the token"),
        ("rsa", "wrong PIN for the token"),
        ("pdf-signing", "wrong PIN for the token"),
    }
    assert {p["issuer"] for p in check["problems"]} == {"CL"}


def test_a_wrong_module_path_answers_503(client, hsm_issuer, settings, tmp_path):
    settings.LMS_PKCS11_MODULE = str(tmp_path / "no-such-module.so")
    status, check = keys_check(client)
    assert status == 503
    assert check["problems"][0]["issuer"] == "CL"
    assert {p["problem"] for p in check["problems"]} == {"token unreachable"}
    assert "no-such-module" not in str(check)  # no path in the public answer


def test_a_token_that_does_not_answer_fails_within_the_timeout(
    client, hsm_issuer, settings
):
    settings.LMS_HEALTH_HSM_TIMEOUT = 0.5
    with hsm._lock:  # another thread's PKCS#11 call hangs
        status, check = keys_check(client)
    assert status == 503
    assert check["ms"] < 5000
    assert {p["problem"] for p in check["problems"]} == {
        "no answer from the token within 0.5 s"
    }
