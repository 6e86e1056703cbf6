"""Accounts: identity documents of the four countries, sign-up and profile."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from lms.accounts.identity import normalize_national_id
from lms.accounts.models import User
from tests.factories import UserFactory


@pytest.mark.parametrize(
    ("country", "typed", "stored"),
    [
        ("CL", "12.345.678-5", "12345678-5"),
        ("CL", "7.654.321-6", "7654321-6"),
        ("CL", "10.000.013-k", "10000013-K"),
        ("CO", "1.020.304.050", "1020304050"),
        ("CO", "52 123 456", "52123456"),
        ("MX", "hegg560427mvzrrl04", "HEGG560427MVZRRL04"),
        ("PE", "45678912", "45678912"),
    ],
)
def test_valid_documents_are_normalised(country, typed, stored):
    assert normalize_national_id(country, typed) == stored


@pytest.mark.parametrize(
    ("country", "typed"),
    [
        ("CL", "12.345.678-9"),  # wrong check digit
        ("CL", "12345"),
        ("CO", "0123456"),  # leading zero
        ("CO", "12AB3456"),
        ("MX", "HEGG560427MVZRRL05"),  # wrong check digit
        ("MX", "HEGG561327MVZRRL04"),  # month 13
        ("PE", "4567891"),  # 7 digits
        ("PE", "456789123"),
    ],
)
def test_invalid_documents_name_the_expected_format(country, typed):
    with pytest.raises(ValidationError) as error:
        normalize_national_id(country, typed)
    assert "Formato esperado" in str(error.value)


def test_document_is_unique_per_country(db):
    UserFactory(country="PE", national_id="45678912")
    UserFactory(country="CO", national_id="45678912")  # other country: allowed
    with pytest.raises(IntegrityError):
        UserFactory(country="PE", national_id="45678912")


def signup_data(**overrides):
    data = {
        "email": "ana@example.org",
        "password1": "una-clave-larga-2026",
        "password2": "una-clave-larga-2026",
        "legal_name": "Ana María Quispe Huamán",
        "country": "PE",
        "national_id": "45678912",
        "preferred_language": "es",
    }
    return {**data, **overrides}


def test_signup_with_invalid_document_is_a_field_error(client, db):
    response = client.post(reverse("account_signup"), signup_data(national_id="123"))
    assert response.status_code == 200
    form = response.context["form"]
    assert "national_id" in form.errors
    assert "DNI de 8 dígitos" in form.errors["national_id"][0]
    assert not User.objects.exists()


def test_signup_stores_identity_and_sends_verification(client, db):
    response = client.post(reverse("account_signup"), signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="ana@example.org")
    assert (user.country, user.national_id) == ("PE", "45678912")
    assert user.legal_name == "Ana María Quispe Huamán"
    assert len(mail.outbox) == 1
    assert "confirm-email" in mail.outbox[0].body
    # Unverified e-mail: login is refused until the link is followed.
    client.logout()
    client.post(
        reverse("account_login"),
        {"login": "ana@example.org", "password": "una-clave-larga-2026"},
    )
    assert client.get(reverse("courses:dashboard")).status_code == 302


def test_profile_edit_keeps_data_on_invalid_document(client, db):
    user = UserFactory(country="CL", national_id="12345678-5", legal_name="Pedro Soto")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "legal_name": "Pedro Soto Rojas",
            "country": "CL",
            "national_id": "12.345.678-0",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 200
    assert "RUT" in response.context["form"].errors["national_id"][0]
    user.refresh_from_db()
    assert (user.legal_name, user.national_id) == ("Pedro Soto", "12345678-5")


def test_profile_edit_saves_valid_changes(client, db):
    user = UserFactory(country="CL", national_id="12345678-5")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "legal_name": "Pedro Soto Rojas",
            "country": "MX",
            "national_id": "HEGG560427MVZRRL04",
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.country == "MX"
    assert user.preferred_language == "en"


def test_password_reset_sends_email(client, db):
    UserFactory(email="reset@example.org")
    response = client.post(
        reverse("account_reset_password"), {"email": "reset@example.org"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_login_switches_to_preferred_language(client, db):
    UserFactory(email="en@example.org", preferred_language="en")
    response = client.post(
        reverse("account_login"),
        {"login": "en@example.org", "password": "clave-segura-123"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")
    assert client.cookies["django_language"].value == "en"
