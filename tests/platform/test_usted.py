"""The site addresses people as «usted» throughout: every Spanish string of the
project, the account pages and the account e-mails (the account library's own
Spanish mixes in «tú»; ``locale/es`` rewords those strings)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import UserFactory

TU = re.compile(
    r"\b(tú|tu|tus|te|ti|contigo|puedes|tienes|quieres|eres|estás|olvidaste|"
    r"introduce|introdúcelo|vete|revisa|haz|debes|recibiste|solicitaste|"
    r"ten|utiliza|ves|asegúrate|inténtalo|has)\b",
    re.IGNORECASE,
)
LOCALE = Path(settings.BASE_DIR) / "locale"


def tu_forms(text: str) -> list[str]:
    return TU.findall(strip_tags(text))


def test_every_spanish_string_of_the_project_says_usted():
    catalog = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    offending = [e.msgid for e in catalog if not e.obsolete and tu_forms(e.msgid)]
    assert offending == []
    rewording = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    assert [e.msgstr for e in rewording if tu_forms(e.msgstr)] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_account_pages_say_usted(client, catalog, name):
    page = client.get(reverse(name))
    assert page.status_code == 200
    assert tu_forms(page.content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["account_email", "account_change_password"])
def test_signed_in_account_pages_say_usted(client, catalog, name):
    client.force_login(UserFactory())
    page = client.get(reverse(name))
    assert page.status_code == 200
    assert tu_forms(page.content.decode()) == []


@pytest.mark.django_db
def test_account_e_mails_say_usted(client, catalog):
    cache.clear()  # the account library rate-limits e-mails per address
    existing = UserFactory(email="ya@example.org")
    signup = {
        "password1": "una-clave-larga-2026",
        "password2": "una-clave-larga-2026",
        "legal_name": "Nueva Persona",
        "country": "CL",
        "national_id": "15.432.198-5",
        "preferred_language": "es",
    }
    client.post(reverse("account_signup"), {**signup, "email": "nueva@example.org"})
    client.post(reverse("account_reset_password"), {"email": existing.email})
    client.post(reverse("account_reset_password"), {"email": "nadie@example.org"})
    assert len(mail.outbox) >= 3
    for message in mail.outbox:
        assert tu_forms(message.subject + "\n" + message.body) == [], message.body
