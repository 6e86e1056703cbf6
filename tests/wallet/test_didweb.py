"""did:web: every issuer's DID resolves, by the method's algorithm, to the
document the site serves; the verify page and ``lms-verify`` use the same
resolver."""

import json
from urllib.request import urlopen

import pytest

from certification.credentials import keys
from certification.credentials.didweb import (
    DidWebError,
    did_web_document_url,
    did_web_jwks_url,
    did_web_resolve,
)
from certification.issuance.issuers import issuer_did_resolve, issuers_public
from certification.models import IssuerProfile
from certification.verification.offline import main as lms_verify
from tests.certification.conftest import make_issuer


@pytest.mark.parametrize(
    ("did", "public_url", "url"),
    [
        (
            "did:web:cultura.example%3A8443:issuers:cl",
            None,
            "https://cultura.example:8443/issuers/cl/did.json",
        ),
        (
            "did:web:w3c-ccg.github.io",
            None,
            "https://w3c-ccg.github.io/.well-known/did.json",
        ),
        (
            "did:web:w3c-ccg.github.io:user:alice#key-1",
            None,
            "https://w3c-ccg.github.io/user/alice/did.json",
        ),
        # The development address's own host keeps its http scheme...
        (
            "did:web:127.0.0.1%3A8000:issuers:pe",
            "http://127.0.0.1:8000",
            "http://127.0.0.1:8000/issuers/pe/did.json",
        ),
        # ...any other host (or port) is https, as did:web requires.
        (
            "did:web:127.0.0.1%3A9000:issuers:pe",
            "http://127.0.0.1:8000",
            "https://127.0.0.1:9000/issuers/pe/did.json",
        ),
        (
            "did:web:certificados.example.org:issuers:co",
            "https://certificados.example.org",
            "https://certificados.example.org/issuers/co/did.json",
        ),
    ],
)
def test_document_url_follows_the_did_web_algorithm(did, public_url, url):
    assert did_web_document_url(did, public_url=public_url) == url


@pytest.mark.parametrize(
    "did", ["did:key:z6Mk", "did:web:", "did:web:example.org::x", "https://x.org"]
)
def test_malformed_did_web_dids_are_refused(did):
    with pytest.raises(DidWebError):
        did_web_document_url(did)


@pytest.fixture
def issuers(settings, tmp_path, live_server, transactional_db):
    """Three issuers with keys: two by country code, one with its own key code."""
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.LMS_PUBLIC_URL = live_server.url
    for country in ("CL", "PE"):
        make_issuer(country)
        keys.issuer_keys_generate(issuer_code=country, organisation=country)
    IssuerProfile.objects.create(issuer=make_issuer("CO"), key_code="CO-MINCULTURA")
    keys.issuer_keys_generate(issuer_code="CO-MINCULTURA", organisation="CO")
    return [code for code, _issuer in issuers_public()]


def test_every_issuer_did_resolves_on_the_live_server(issuers, live_server):
    assert sorted(issuers) == ["cl", "co-mincultura", "pe"]
    for code in issuers:
        did = keys.issuer_did(code)
        url = did_web_document_url(did, public_url=live_server.url)
        assert url == f"{live_server.url}/issuers/{code}/did.json"
        document = did_web_resolve(did, public_url=live_server.url)
        assert document["id"] == did
        assert document == issuer_did_resolve(code)
        with urlopen(did_web_jwks_url(did, public_url=live_server.url)) as response:
            jwks = json.load(response)
        methods = {m["id"] for m in document["verificationMethod"]}
        assert jwks["keys"] and {key["kid"] for key in jwks["keys"]} <= methods


def test_a_document_of_another_did_is_refused(issuers, live_server):
    """A document served at the right place must also name that DID."""
    did = keys.issuer_did("CL")
    with pytest.raises(DidWebError, match="not the DID document"):
        did_web_resolve(
            did,
            public_url=live_server.url,
            fetch=lambda _url: json.dumps({"id": keys.issuer_did("PE")}).encode(),
        )


def test_lms_verify_resolves_the_issuer_did_over_http(
    issuers,
    live_server,
    monkeypatch,
    tmp_path,
    django_capture_on_commit_callbacks,
    capsys,
):
    from tests.certification.conftest import make_program, make_standard
    from tests.verification.conftest import issue_for, pdf_of

    monkeypatch.setenv("LMS_PUBLIC_URL", live_server.url)
    program = make_program(make_standard("CL", units=1, criteria=0), code="cl-did")
    credential = issue_for(program)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf_of(credential))
    assert lms_verify([str(path), "--key", keys.issuer_did("CL")]) == 0
    assert capsys.readouterr().out.strip().endswith("VALID")
    assert lms_verify([str(path), "--key", keys.issuer_did("PE")]) == 1
    assert lms_verify([str(path), "--key", "did:web:nowhere.invalid:issuers:cl"]) == 2
