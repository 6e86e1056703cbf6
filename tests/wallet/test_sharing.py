"""«Agregar a LinkedIn» opens LinkedIn's add-certification form prefilled
with the credential's name, issuer, dates, verify URL and code."""

import datetime as dt
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

from certification.models import Credential


def linkedin_links(html: str) -> list[str]:
    return [
        unescape(href)
        for href in re.findall(r'href="(https://www\.linkedin\.com/[^"]+)"', html)
    ]


def fields(url: str) -> dict:
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "www.linkedin.com",
        "/profile/add",
    )
    query = parse_qs(parts.query, strict_parsing=True)
    assert all(len(values) == 1 for values in query.values())
    return {name: values[0] for name, values in query.items()}


def expected(credential) -> dict:
    issued = timezone.localtime(credential.issued_at)
    until = timezone.localtime(credential.valid_until)
    return {
        "startTask": "CERTIFICATION_NAME",
        "name": credential.program_title,
        "organizationName": credential.issuer.name,
        "issueYear": str(issued.year),
        "issueMonth": str(issued.month),
        "expirationYear": str(until.year),
        "expirationMonth": str(until.month),
        "certUrl": f"http://testserver/verify/{credential.public_id}/",
        "certId": credential.public_id,
    }


def test_my_certificates_prefills_linkedin(client, issued):
    client.force_login(issued.holder)
    (url,) = linkedin_links(client.get("/credentials/mine/").content.decode())
    assert fields(url) == expected(issued)


def test_the_competency_record_prefills_linkedin_too(client, issued):
    client.force_login(issued.holder)
    (url,) = linkedin_links(client.get("/certification/record/").content.decode())
    assert fields(url) == expected(issued)


def test_no_expiry_fields_for_a_credential_that_does_not_expire(client, issued):
    Credential.objects.filter(pk=issued.pk).update(valid_until=None)
    client.force_login(issued.holder)
    (url,) = linkedin_links(client.get("/credentials/mine/").content.decode())
    prefilled = fields(url)
    assert "expirationYear" not in prefilled and "expirationMonth" not in prefilled
    assert prefilled["issueYear"] == str(timezone.localtime(issued.issued_at).year)


def test_months_are_those_of_the_local_calendar(client, issued, settings):
    """Issued at 02:00 UTC on 1 March is still February in Santiago."""
    settings.TIME_ZONE = "America/Santiago"
    moment = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    Credential.objects.filter(pk=issued.pk).update(issued_at=moment)
    client.force_login(issued.holder)
    (url,) = linkedin_links(client.get("/credentials/mine/").content.decode())
    assert (fields(url)["issueYear"], fields(url)["issueMonth"]) == ("2026", "2")
