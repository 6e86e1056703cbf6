"""Wallet delivery (OID4VCI 1.0, pre-authorised code) end to end with the
OpenWallet Foundation's client library acting as the wallet."""

import datetime as dt
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from certification.credentials.keys import issuer_did, load_public_keys
from certification.credentials.proof import verify_document
from certification.wallet.models import WalletBinding, WalletOffer
from tests.interop import run_node

pytestmark = pytest.mark.django_db(transaction=True)


def offer_uri(client, credential) -> str:
    """What the learner's «Recibir en mi billetera digital» page shows."""
    client.force_login(credential.holder)
    response = client.post(f"/credentials/wallet/{credential.public_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('data-offer-uri="') + len('data-offer-uri="')
    return html[start : html.index('"', start)].replace("&amp;", "&")


def wallet(uri, live_server, **options):
    payload = {"offer": uri, "insecure": True, **options}
    return run_node("oid4vci_wallet.mjs", payload)


def test_the_offer_is_a_pre_authorised_credential_offer(active, client, live_server):
    uri = offer_uri(client, active)
    assert uri.startswith("openid-credential-offer://?credential_offer=")
    offer = json.loads(parse_qs(urlsplit(uri).query)["credential_offer"][0])
    assert offer["credential_issuer"] == live_server.url
    grant = offer["grants"]["urn:ietf:params:oauth:grant-type:pre-authorized_code"]
    assert len(grant["pre-authorized_code"]) >= 32
    assert WalletOffer.objects.get().credential == active


@pytest.mark.parametrize(
    ("alg", "binding"), [("EdDSA", "jwk"), ("ES256", "did:key"), ("EdDSA", "did:jwk")]
)
def test_wallet_receives_a_vc_jwt_bound_to_its_key(
    active, client, live_server, alg, binding
):
    jwks = f"{live_server.url}/issuers/cl/jwks.json"
    result = wallet(
        offer_uri(client, active),
        live_server,
        alg=alg,
        binding=binding,
        configuration="OpenBadgeCredential_jwt_vc_json",
        jwks=jwks,
    )
    assert result["draft_version"] == "V1"
    assert result.get("credential_error") is None, result
    payload = result["verified"]["payload"]
    holder = result["holder_did"] or _did_jwk(result["public_jwk"])
    assert payload["sub"] == holder
    assert payload["credentialSubject"]["id"] == holder
    assert payload["iss"] == issuer_did("CL")
    assert payload["jti"] == f"{live_server.url}/verify/{active.public_id}/"
    assert result["verified"]["header"]["kid"].startswith(issuer_did("CL") + "#")
    downloaded = json.loads(
        client.get(f"/credentials/mine/{active.public_id}/download/json/").content
    )
    assert payload["credentialStatus"] == downloaded["credentialStatus"]
    binding_row = WalletBinding.objects.get()
    assert (binding_row.credential, binding_row.holder_did) == (active, holder)
    assert binding_row.credential_format == "jwt_vc_json"


def _did_jwk(jwk):
    import base64

    members = ("crv", "kty", "x") if jwk["kty"] == "OKP" else ("crv", "kty", "x", "y")
    data = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"))
    return "did:jwk:" + base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def test_wallet_receives_the_data_integrity_credential(active, client, live_server):
    result = wallet(
        offer_uri(client, active),
        live_server,
        binding="did:key",
        configuration="OpenBadgeCredential_ldp_vc",
    )
    document = result["credential"]
    assert document["credentialSubject"]["id"] == result["holder_did"]
    assert document["id"] == f"{live_server.url}/verify/{active.public_id}/"
    assert verify_document(document, load_public_keys_by_method()).verified
    (checked,) = run_node(
        "validate_schema.mjs",
        {
            "schema": "ob_v3p0/ob_v3p0_achievementcredential_schema.json",
            "documents": [document],
        },
    )
    assert checked == {"valid": True, "errors": []}


def load_public_keys_by_method():
    return {
        f"{issuer_did('CL')}#{kid}": key for kid, key in load_public_keys("CL").items()
    }


def test_a_code_is_redeemed_once(active, client, live_server):
    result = wallet(offer_uri(client, active), live_server, attack="reuse_code")
    assert result["token_type"] == "Bearer"
    assert result["second_token_error"] == "invalid_grant"


def test_an_expired_code_is_refused(active, client, live_server):
    uri = offer_uri(client, active)
    WalletOffer.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    result = wallet(uri, live_server)
    assert result["token_error"] == "invalid_grant"
    assert "credential" not in result


@pytest.mark.parametrize(
    ("attack", "error"),
    [
        ("wrong_nonce", "invalid_nonce"),
        ("reuse_nonce", "invalid_nonce"),
        ("other_key", "invalid_proof"),
        ("wrong_aud", "invalid_proof"),
    ],
)
def test_a_bad_proof_gets_no_credential(active, client, live_server, attack, error):
    result = wallet(offer_uri(client, active), live_server, attack=attack)
    assert result["credential_error"] == error
    expected_bindings = 1 if attack == "reuse_nonce" else 0
    assert WalletBinding.objects.count() == expected_bindings
