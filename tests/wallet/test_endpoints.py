"""The OID4VCI endpoints answer bad requests with the error codes the
specification names (400 JSON; 401 with a Bearer challenge)."""

import datetime as dt
import json
import time
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from certification.credentials.multibase import base64url_decode, base64url_encode
from certification.models import Credential, CredentialStatus
from certification.wallet.proofs import did_jwk

PUBLIC = "http://testserver"
PRE_AUTH = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
JWT_CONFIGURATION = "OpenBadgeCredential_jwt_vc_json"


@pytest.fixture
def active(issued):
    return issued


def new_code(client, credential) -> str:
    client.force_login(credential.holder)
    response = client.post(f"/credentials/wallet/{credential.public_id}/")
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    start = html.index('data-offer-uri="') + len('data-offer-uri="')
    uri = html[start : html.index('"', start)].replace("&amp;", "&")
    offer = json.loads(parse_qs(urlsplit(uri).query)["credential_offer"][0])
    return offer["grants"][PRE_AUTH]["pre-authorized_code"]


def token_for(client, credential) -> str:
    response = client.post(
        "/wallet/token",
        {"grant_type": PRE_AUTH, "pre-authorized_code": new_code(client, credential)},
    )
    assert response.status_code == 200, response.content
    assert response["Cache-Control"] == "no-store"
    return response.json()["access_token"]


def c_nonce(client) -> str:
    return client.post("/wallet/nonce").json()["c_nonce"]


def proof(nonce, *, key=None, header=None, aud=PUBLIC, iat=None, alg="EdDSA"):
    key = key or ed25519.Ed25519PrivateKey.generate()
    algorithm = jwt.algorithms.get_default_algorithms()[alg]
    public = json.loads(algorithm.to_jwk(key.public_key()))
    fields = {"typ": "openid4vci-proof+jwt", "jwk": public}
    fields.update(header or {})
    claims = {"aud": aud, "iat": iat or int(time.time()), "nonce": nonce}
    return jwt.encode(claims, key, algorithm=alg, headers=fields)


def ask(client, token, body):
    return client.post(
        "/wallet/credential",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def error_of(response, status=400):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["error"]


def test_metadata_names_the_public_address_and_both_formats(client, settings):
    settings.LMS_PUBLIC_URL = "https://certificados.example.org"
    issuer = client.get("/.well-known/openid-credential-issuer").json()
    assert issuer["credential_issuer"] == "https://certificados.example.org"
    assert issuer["credential_endpoint"].endswith("/wallet/credential")
    assert issuer["nonce_endpoint"].endswith("/wallet/nonce")
    configurations = issuer["credential_configurations_supported"]
    assert configurations[JWT_CONFIGURATION]["format"] == "jwt_vc_json"
    assert configurations["OpenBadgeCredential_ldp_vc"]["format"] == "ldp_vc"
    assert configurations[JWT_CONFIGURATION]["proof_types_supported"]["jwt"][
        "proof_signing_alg_values_supported"
    ] == ["EdDSA", "ES256"]
    server = client.get("/.well-known/oauth-authorization-server").json()
    assert server["issuer"] == issuer["credential_issuer"]
    assert server["token_endpoint"] == "https://certificados.example.org/wallet/token"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"grant_type": "authorization_code", "code": "x"}, "unsupported_grant_type"),
        ({"grant_type": PRE_AUTH}, "invalid_request"),
        ({"grant_type": PRE_AUTH, "pre-authorized_code": "guessed"}, "invalid_grant"),
    ],
)
def test_token_endpoint_errors(client, db, data, error):
    assert error_of(client.post("/wallet/token", data)) == error


def test_no_token_for_a_suspended_credential(client, active):
    code = new_code(client, active)
    Credential.objects.filter(pk=active.pk).update(status=CredentialStatus.SUSPENDED)
    response = client.post(
        "/wallet/token", {"grant_type": PRE_AUTH, "pre-authorized_code": code}
    )
    assert error_of(response) == "invalid_grant"


def test_only_the_holder_gets_an_offer_and_only_by_post(client, active):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.post(f"/credentials/wallet/{active.public_id}/").status_code == 404
    client.force_login(active.holder)
    assert client.get(f"/credentials/wallet/{active.public_id}/").status_code == 405


def test_credential_endpoint_wants_a_bearer_token(client, active):
    response = ask(
        client, "not-a-token", {"credential_configuration_id": JWT_CONFIGURATION}
    )
    assert error_of(response, 401) == "invalid_token"
    assert response["WWW-Authenticate"].startswith('Bearer error="invalid_token"')


def test_a_good_python_made_proof_gets_the_bound_credential(client, active):
    token = token_for(client, active)
    key = ec.generate_private_key(ec.SECP256R1())
    response = ask(
        client,
        token,
        {
            "credential_configuration_id": JWT_CONFIGURATION,
            "proofs": {"jwt": [proof(c_nonce(client), key=key, alg="ES256")]},
        },
    )
    assert response.status_code == 200, response.content
    credential = response.json()["credentials"][0]["credential"]
    claims = jwt.decode(credential, options={"verify_signature": False})
    public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
    assert claims["sub"] == did_jwk(public)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({}, "invalid_credential_request"),
        (
            {"credential_configuration_id": "Diploma"},
            "unknown_credential_configuration",
        ),
        ({"credential_identifier": "x"}, "unknown_credential_identifier"),
        ({"credential_configuration_id": JWT_CONFIGURATION}, "invalid_proof"),
        (
            {
                "credential_configuration_id": JWT_CONFIGURATION,
                "proofs": {"jwt": ["a", "b"]},
            },
            "invalid_proof",
        ),
    ],
)
def test_malformed_credential_requests(client, active, body, error):
    assert error_of(ask(client, token_for(client, active), body)) == error


def forged_alg(nonce):
    """An Ed25519 key in the header of a proof that claims ES256."""
    token = proof(nonce)
    header, payload, signature = token.split(".")
    fields = json.loads(base64url_decode(header))
    fields["alg"] = "ES256"
    return ".".join([base64url_encode(json.dumps(fields).encode()), payload, signature])


def bad_proofs(nonce):
    key = ed25519.Ed25519PrivateKey.generate()
    private = json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(key))
    return {
        "wrong typ": proof(nonce, header={"typ": "JWT"}),
        "private key in jwk": proof(nonce, key=key, header={"jwk": private}),
        "jwk and kid": proof(nonce, header={"kid": "did:key:z6Mk"}),
        "unknown did method": proof(nonce, header={"jwk": None, "kid": "did:web:x#1"}),
        "ES256 over Ed25519": forged_alg(nonce),
        "stale iat": proof(nonce, iat=int(time.time()) - 3600),
        "other audience": proof(nonce, aud="https://other.example"),
        "no nonce": proof(None),
    }


@pytest.mark.parametrize("name", list(bad_proofs("n")))
def test_bad_proofs_are_refused(client, active, name):
    token = token_for(client, active)
    bad = bad_proofs(c_nonce(client))[name]
    body = {"credential_configuration_id": JWT_CONFIGURATION, "proofs": {"jwt": [bad]}}
    expected = "invalid_nonce" if name == "no nonce" else "invalid_proof"
    assert error_of(ask(client, token, body)) == expected


def test_an_expired_access_token_is_refused(client, active):
    from certification.wallet.models import WalletOffer

    token = token_for(client, active)
    WalletOffer.objects.update(token_expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    response = ask(client, token, {"credential_configuration_id": JWT_CONFIGURATION})
    assert error_of(response, 401) == "invalid_token"


def test_the_officer_sees_which_wallet_holds_the_credential(client, active):
    from certification.roles import officer_roles_sync
    from tests.factories import UserFactory

    token = token_for(client, active)
    key = ed25519.Ed25519PrivateKey.generate()
    body = {
        "credential_configuration_id": JWT_CONFIGURATION,
        "proofs": {"jwt": [proof(c_nonce(client), key=key)]},
    }
    assert ask(client, token, body).status_code == 200
    holder = did_jwk(json.loads(jwt.algorithms.OKPAlgorithm.to_jwk(key.public_key())))
    officer = UserFactory()
    officer.groups.add(officer_roles_sync()["CL"])
    client.force_login(officer)
    page = client.get(f"/admin/credentials/{active.public_id}/").content.decode()
    assert "Copias en billeteras digitales" in page
    assert holder in page
