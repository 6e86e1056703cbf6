"""Every absolute URL the platform writes down comes from ``LMS_PUBLIC_URL``:
the QR code and links of the signed PDF, the credential JSON and JWT, the
did:web document, the status lists, the API and every e-mail, whatever host the
request that caused them came in at (issue: everything was fixed to
http://127.0.0.1:8000 by seed_demo)."""

import base64
import re
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from certification.credentials import keys
from certification.credentials.pades import extract_attachment
from certification.issuance.storage import artefact_read
from lms.public_url import public_url, public_url_parse
from lms.reference.models import Country
from tests.certification.conftest import make_program, make_standard
from tests.verification.conftest import issue_for

PUBLIC = "https://certificados.example.org"
HOST = "certificados.example.org"
OTHER_HOST = "intruso.example"
URL = re.compile(r"https?://[^\s\"'<>()\\]+")
DID_WEB = re.compile(r"did:web:[^\s\"'#]+")
# JSON-LD contexts and vocabularies name documents, not places on this site.
VOCABULARY_HOSTS = {"www.w3.org", "w3id.org", "purl.imsglobal.org"}


def foreign_urls(text: str, *, allowed: set[str] = frozenset()) -> list[str]:
    """Absolute URLs and did:web ids in ``text`` not on the public host."""
    wrong = [
        url
        for url in URL.findall(text)
        if urlsplit(url).hostname not in {HOST, *VOCABULARY_HOSTS, *allowed}
    ]
    wrong += [
        did for did in DID_WEB.findall(text) if not did.startswith(f"did:web:{HOST}:")
    ]
    return wrong


@pytest.fixture
def public_address(settings, tmp_path):
    settings.LMS_PUBLIC_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return PUBLIC


@pytest.fixture
def ministry_hosts(db):
    return {urlsplit(c.ministry_url).hostname for c in Country.objects.all()}


@pytest.fixture
def credential(public_address, db, django_capture_on_commit_callbacks):
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Chile")
    program = make_program(make_standard("CL", units=2, criteria=0), code="cl-url")
    return issue_for(program, django_capture_on_commit_callbacks)


def test_public_url_is_built_from_the_setting(public_address):
    assert public_url("/verify/abc/") == f"{PUBLIC}/verify/abc/"
    assert keys.issuer_did("CL") == f"did:web:{HOST}:issuers:cl"


@pytest.mark.parametrize(
    "value", ["certificados.example.org", "ftp://x.org", "https://x.org/sub/", ""]
)
def test_a_malformed_public_address_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="LMS_PUBLIC_URL"):
        public_url_parse(value)


def test_credential_json_and_jwt_use_only_the_public_host(credential, ministry_hosts):
    document = artefact_read(credential.json_file).decode()
    assert f"{PUBLIC}/verify/{credential.public_id}/" in document
    assert foreign_urls(document, allowed=ministry_hosts) == []
    jwt = artefact_read(credential.jwt_file).decode()
    header, payload, _signature = jwt.split(".")
    for part in (header, payload):
        decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode()
        assert foreign_urls(decoded, allowed=ministry_hosts) == []
    assert f"did:web:{HOST}:issuers:cl" in decoded


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs poppler-utils and zbar-tools (.ci/debian-packages test)",
)
def test_pdf_qr_code_links_and_attachment_use_only_the_public_host(
    credential, ministry_hosts, tmp_path
):
    pdf = artefact_read(credential.pdf_file)
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / "page")],
        check=True,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert scanned == [f"{PUBLIC}/verify/{credential.public_id}/"]
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert foreign_urls(text, allowed=ministry_hosts) == []
    # Link annotations and every other string in the file's objects.
    raw = pdf.decode("latin-1")
    assert foreign_urls(raw, allowed=ministry_hosts) == []
    attached = extract_attachment(pdf).decode()
    assert foreign_urls(attached, allowed=ministry_hosts) == []


def test_issued_e_mail_links_to_the_public_host(credential):
    bodies = [m.body for m in mail.outbox]
    assert bodies, "the holder was e-mailed the certificate"
    assert all(foreign_urls(body) == [] for body in bodies), bodies
    assert any(PUBLIC in body for body in bodies)


def test_did_document_status_list_and_api_ignore_the_request_host(
    client, credential, ministry_hosts
):
    did = client.get("/issuers/cl/did.json", HTTP_HOST=OTHER_HOST)
    assert did.status_code == 200
    assert did.json()["id"] == f"did:web:{HOST}:issuers:cl"
    assert foreign_urls(did.content.decode()) == []
    for purpose in ("revocation", "suspension"):
        url = reverse(
            "credentials:status_list", kwargs={"issuer": "cl", "purpose": purpose}
        )
        response = client.get(url, HTTP_HOST=OTHER_HOST)
        assert response.status_code == 200
        assert foreign_urls(response.content.decode(), allowed=ministry_hosts) == []
    status = client.get(
        f"/api/v1/credentials/{credential.public_id}", HTTP_HOST=OTHER_HOST
    )
    assert status.status_code == 200
    assert status.json()["verify_url"] == f"{PUBLIC}/verify/{credential.public_id}/"
    assert foreign_urls(status.content.decode(), allowed=ministry_hosts) == []
    issuer = client.get("/api/v1/issuers/CL", HTTP_HOST=OTHER_HOST)
    assert issuer.status_code == 200
    assert foreign_urls(issuer.content.decode(), allowed=ministry_hosts) == []


def test_account_e_mails_link_to_the_public_host(client, public_address, catalog):
    cache.clear()  # the account library rate-limits e-mails per address
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nueva@example.org",
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
            "legal_name": "Nueva Persona",
            "country": "CL",
            "national_id": "11.111.111-1",
            "preferred_language": "es",
        },
        HTTP_HOST=OTHER_HOST,
    )
    assert response.status_code == 302
    client.post(
        reverse("account_reset_password"),
        {"email": "nueva@example.org"},
        HTTP_HOST=OTHER_HOST,
    )
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert PUBLIC in message.body
        assert foreign_urls(message.body) == [], message.body
        assert OTHER_HOST not in message.body


@pytest.fixture
def admin_client(client, db):
    from tests.factories import UserFactory

    admin = UserFactory(username="jefa", is_superuser=True, is_staff=True)
    client.force_login(admin)
    return client


def test_cms_dashboard_warns_when_reached_at_another_address(
    admin_client, public_address, catalog
):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=443)
    elsewhere = admin_client.get("/admin/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "public-address-title" in elsewhere
    assert f"http://{OTHER_HOST}" in elsewhere and PUBLIC in elsewhere
    here = admin_client.get("/admin/", HTTP_HOST=HOST, secure=True).content.decode()
    assert "public-address-title" not in here


def test_cms_dashboard_warns_when_the_wagtail_site_disagrees(
    admin_client, public_address, catalog
):
    page = admin_client.get("/admin/", HTTP_HOST=HOST, secure=True).content.decode()
    assert "public-address-title" in page
    assert "localhost:80" in page


def test_seed_demo_site_follows_the_public_address(public_address, catalog):
    from wagtail.models import Site

    from courses.demo.seeders import SeedContext, seed_catalog, seed_locales

    context = SeedContext()
    seed_locales(context)
    seed_catalog(context)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (HOST, 443)
    assert site.root_url == PUBLIC


def test_seed_demo_tells_a_certificate_signed_for_another_address(credential, settings):
    from courses.management.commands.seed_demo import _issued_here

    assert _issued_here(credential.public_id)
    settings.LMS_PUBLIC_URL = "http://127.0.0.1:8000"
    assert not _issued_here(credential.public_id)
