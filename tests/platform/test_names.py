"""Personal names: normalised, refused with a clear message when they carry
directional controls, invisible characters or emoji, limited in length with
the limit said at sign-up; the orthographies of the region accepted."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from lms.accounts.models import User
from lms.accounts.names import NAME_MAX_LENGTH, normalize_person_name, printable_name
from tests.factories import UserFactory
from tests.platform.test_accounts import signup_data

ACCEPTED = [
    "Ana María Pérez Núñez",
    "Wenceslao Ñancupil Küyen Ngüñün",  # Mapudungun
    "Ch'aska Q’ente Mamaniʼ",  # Quechua / Aymara apostrophes
    "Araceli g\u0303uahe\u0303 Mbaʼe",  # Guaraní g̃ and ẽ with combining tilde
    "Xóchitl Cuāuhtli Itzcóatl",  # Nahuatl macrons
    "Süchikimaa Jayaliyuu",  # Wayuunaiki
    "D'Angelo O'Higgins-Łukasz",
    "王小明",
    "山田さくら",
    "김민준",
    "Nguyễn Thị Minh Khai",
]


@pytest.mark.parametrize("name", ACCEPTED)
def test_the_regions_orthographies_are_accepted(name):
    assert normalize_person_name(name) == unicodedata.normalize("NFC", name)


def test_names_are_nfc_and_their_whitespace_collapsed():
    typed = "  Ana\u00a0 \t Mari\u0301a \u3000 Li  "
    assert normalize_person_name(typed) == "Ana María Li"
    # Korean typed as separate jamo is composed.
    assert normalize_person_name("\u1100\u1161\u11a8") == "각"


@pytest.mark.parametrize(
    "control", ["\u202e", "\u202a", "\u202d", "\u2066", "\u2069", "\u200f", "\u061c"]
)
def test_bidirectional_controls_are_refused(control):
    with pytest.raises(ValidationError) as raised:
        normalize_person_name(f"Ana {control}gnp.exe")
    assert raised.value.code == "name_bidi_control"
    message = raised.value.messages[0]
    assert "dirección del texto" in message
    assert f"U+{ord(control):04X}" in message


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u3164", "\ue000"],
)
def test_invisible_characters_are_refused(invisible):
    with pytest.raises(ValidationError) as raised:
        normalize_person_name(f"Ana{invisible}Li")
    assert raised.value.code == "name_invisible"
    assert "invisible" in raised.value.messages[0]


@pytest.mark.parametrize("emoji", ["😀", "❤\ufe0f", "👍🏽", "🇨🇱", "1\ufe0f\u20e3"])
def test_emoji_are_refused(emoji):
    with pytest.raises(ValidationError) as raised:
        normalize_person_name(f"Ana {emoji}")
    assert raised.value.code == "name_symbol"
    assert "emojis" in raised.value.messages[0]


def test_stacked_or_loose_accents_are_refused():
    for typed in ("Ana\u0301\u0308\u0303\u0304\u0306", "\u0301Ana"):
        with pytest.raises(ValidationError) as raised:
            normalize_person_name(typed)
        assert raised.value.code == "name_marks"


def test_a_name_needs_letters():
    with pytest.raises(ValidationError):
        normalize_person_name("... -")


def test_the_length_limit_is_said_in_the_error():
    normalize_person_name("a" * NAME_MAX_LENGTH)
    with pytest.raises(ValidationError) as raised:
        normalize_person_name("a" * 169)
    assert (
        f"como máximo {NAME_MAX_LENGTH} caracteres (tiene 169)"
        in (raised.value.messages[0])
    )


def test_errors_are_translated_to_english():
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            normalize_person_name("Ana \u202egnp.exe")
        message = raised.value.messages[0]
    assert "text direction control character (U+202E)" in message


def test_printable_name_drops_what_would_alter_the_certificate():
    assert printable_name("Ana \u202egnp.exe\u200b  Li") == "Ana gnp.exe Li"


def test_signup_says_the_limit_and_refuses_a_longer_name(client, db):
    page = client.get(reverse("account_signup")).content.decode()
    assert f"Máximo {NAME_MAX_LENGTH} caracteres" in page
    response = client.post(reverse("account_signup"), signup_data(legal_name="A" * 169))
    assert response.status_code == 200
    (error,) = response.context["form"].errors["legal_name"]
    assert f"como máximo {NAME_MAX_LENGTH} caracteres" in error
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Ana \u202egnp.exe", "U+202E"), ("Ana\u200b Li", "U+200B"), ("Ana 😀", "😀")],
)
def test_signup_refuses_controls_invisibles_and_emoji(client, db, typed, code):
    response = client.post(reverse("account_signup"), signup_data(legal_name=typed))
    assert response.status_code == 200
    (error,) = response.context["form"].errors["legal_name"]
    assert code in error
    assert not User.objects.exists()


def test_signup_stores_the_normalised_name(client, db):
    client.post(
        reverse("account_signup"), signup_data(legal_name="  Mari\u0301a   Quispe ")
    )
    assert User.objects.get().legal_name == "María Quispe"


def test_profile_edit_refuses_a_directional_control(client, db):
    user = UserFactory(country="PE", national_id="45678912", legal_name="Ana Quispe")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "legal_name": "Ana \u202eepsiuQ",
            "country": "PE",
            "national_id": "45678912",
            "preferred_language": "es",
        },
    )
    assert response.status_code == 200
    assert "U+202E" in response.context["form"].errors["legal_name"][0]
    user.refresh_from_db()
    assert user.legal_name == "Ana Quispe"
