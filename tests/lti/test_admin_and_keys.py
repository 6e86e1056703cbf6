"""The CMS registration of platforms (with the URLs an LMS needs) and the
tool key stored encrypted with LMS_KEY_PASSPHRASE."""

import pytest
from cryptography.hazmat.primitives import serialization
from django.test import Client, override_settings
from django.urls import reverse

from plugins.lti_tool.keys import current_tool_key, jwks, private_pem_clear
from plugins.lti_tool.models import Platform
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    officer = UserFactory(username="officer", is_staff=True, is_superuser=True)
    client.force_login(officer)
    return client


def test_the_platform_list_shows_the_urls_the_lms_needs(admin_client):
    response = admin_client.get(reverse("lti-platforms:index"))
    body = response.content.decode()
    assert response.status_code == 200
    for path in ("/lti/tool/login/", "/lti/tool/launch/", "/lti/tool/jwks/"):
        assert f"http://testserver{path}" in body
    assert current_tool_key().kid in body


def test_an_officer_registers_a_platform(admin_client):
    data = {
        "name": "Canvas Universidad",
        "issuer": "https://canvas.example.edu",
        "client_id": "10000000000001",
        "auth_login_url": "https://canvas.example.edu/api/lti/authorize_redirect",
        "auth_token_url": "https://canvas.example.edu/login/oauth2/token",
        "key_set_url": "https://canvas.example.edu/api/lti/security/jwks",
        "deployment_ids": "1:abc\n2:def",
        "country": "PE",
        "active": "on",
    }
    response = admin_client.post(reverse("lti-platforms:add"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    platform = Platform.objects.get()
    assert platform.deployment_list() == ["1:abc", "2:def"]

    data.update(client_id="other", deployment_ids="  \n")
    response = admin_client.post(reverse("lti-platforms:add"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Indique al menos un identificador de despliegue." in body
    assert Platform.objects.count() == 1


def test_the_platform_list_is_for_staff_with_permission(client):
    client.force_login(UserFactory(username="learner"))
    response = client.get(reverse("lti-platforms:index"))
    assert response.status_code in (302, 403)


@override_settings(LMS_KEY_PASSPHRASE="clave-de-prueba-larga")
def test_the_private_key_is_stored_encrypted_with_the_passphrase():
    key = current_tool_key()
    assert key.private_pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):  # needs the passphrase
        serialization.load_pem_private_key(key.private_pem.encode(), password=None)
    clear = private_pem_clear(key)
    assert clear.startswith("-----BEGIN PRIVATE KEY-----")
    public = jwks()["keys"][0]
    assert public["kid"] == key.kid and "d" not in public


def test_without_a_passphrase_the_key_is_plain_pkcs8():
    assert current_tool_key().private_pem.startswith("-----BEGIN PRIVATE KEY-----")
