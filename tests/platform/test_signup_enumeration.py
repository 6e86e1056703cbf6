"""Sign-up never tells a stranger that an identity document or an e-mail
address is registered: it answers as for a new account, creates nothing, and
writes to the holder instead."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from lms.accounts.models import User
from tests.factories import UserFactory
from tests.platform.test_accounts import signup_data


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The library limits mails per address in the cache: each test starts
    with none sent."""
    cache.clear()


def page_after(client, response):
    """The page the browser lands on after the sign-up answer."""
    return client.get(response["Location"]).content.decode()


def genuine_signup_answer(client):
    response = client.post(
        reverse("account_signup"),
        signup_data(email="nueva@example.org", national_id="99887766"),
    )
    client.logout()
    mail.outbox.clear()
    return response


def test_registered_document_answers_as_a_new_account(client, db):
    genuine = genuine_signup_answer(client)
    holder = UserFactory(
        country="PE", national_id="45678912", email="titular@example.org"
    )
    response = client.post(
        reverse("account_signup"), signup_data(email="intruso@example.org")
    )
    assert response.status_code == genuine.status_code == 302
    assert response["Location"] == genuine["Location"]
    body = page_after(client, response)
    assert "documento" not in body.lower()
    assert "Ya existe" not in body
    assert not User.objects.filter(email="intruso@example.org").exists()
    assert User.objects.filter(national_id="45678912").get() == holder


def test_registered_document_holder_is_told_by_email_not_the_new_address(client, db):
    UserFactory(country="PE", national_id="45678912", email="titular@example.org")
    client.post(reverse("account_signup"), signup_data(email="intruso@example.org"))
    assert [message.to for message in mail.outbox] == [["titular@example.org"]]
    message = mail.outbox[0]
    assert "documento de identidad" in message.subject
    assert "Alguien intentó crear una cuenta" in message.body
    assert "intruso@example.org" not in message.body
    assert "/accounts/password/reset/" in message.body


def test_registered_document_holder_is_told_in_english_when_they_prefer_it(client, db):
    UserFactory(
        country="PE",
        national_id="45678912",
        email="holder@example.org",
        preferred_language="en",
    )
    client.post(reverse("account_signup"), signup_data(email="someone@example.org"))
    (message,) = mail.outbox
    assert "identity document" in message.subject
    assert "Someone tried to create a new account" in message.body
    assert "/en/accounts/password/reset/" in message.body


@pytest.mark.parametrize("national_id", ["45678912", "11223344"])
def test_registered_email_answers_as_a_new_account(client, db, national_id):
    """A registered address (with a free or a registered document) gets the
    same answer; the mail goes to that address's owner."""
    genuine = genuine_signup_answer(client)
    UserFactory(country="PE", national_id="45678912", email="titular@example.org")
    response = client.post(
        reverse("account_signup"),
        signup_data(email="titular@example.org", national_id=national_id),
    )
    assert response.status_code == 302
    assert response["Location"] == genuine["Location"]
    assert User.objects.filter(email="titular@example.org").count() == 1
    assert User.objects.count() == 2
    assert {tuple(message.to) for message in mail.outbox} == {("titular@example.org",)}


def test_profile_keeps_refusing_a_registered_document(client, db):
    """Signed in, the person is told (they need to know why nothing saved)."""
    UserFactory(country="PE", national_id="45678912")
    user = UserFactory(country="PE", national_id="11223344")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "legal_name": "Ana Quispe",
            "country": "PE",
            "national_id": "45678912",
            "preferred_language": "es",
        },
    )
    assert response.status_code == 200
    assert "national_id" in response.context["form"].errors
