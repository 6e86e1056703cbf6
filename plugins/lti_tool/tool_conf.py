"""The registrations pylti1p3 validates launches against, read from the
``Platform`` rows and the tool's current key."""

from __future__ import annotations

from pylti1p3.deployment import Deployment
from pylti1p3.registration import Registration
from pylti1p3.tool_config.abstract import ToolConfAbstract

from .keys import current_tool_key, private_pem_clear
from .models import Platform


def platform_find(iss: str, client_id: str | None) -> Platform | None:
    platforms = Platform.objects.filter(issuer=iss, active=True)
    if client_id:
        platforms = platforms.filter(client_id=client_id)
    return platforms.order_by("pk").first()


def registration_for(platform: Platform) -> Registration:
    key = current_tool_key()
    return (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_login_url(platform.auth_login_url)
        .set_auth_token_url(platform.auth_token_url)
        .set_key_set_url(platform.key_set_url)
        .set_tool_public_key(key.public_pem)
        .set_tool_private_key(private_pem_clear(key))
    )


class PlatformToolConf(ToolConfAbstract):
    """Every issuer may have several client ids (several registrations)."""

    def check_iss_has_one_client(self, iss):
        return False

    def check_iss_has_many_clients(self, iss):
        return True

    def find_registration_by_issuer(self, iss, *args, **kwargs):
        platform = platform_find(iss, None)
        return registration_for(platform) if platform else None

    def find_registration_by_params(self, iss, client_id, *args, **kwargs):
        platform = platform_find(iss, client_id)
        return registration_for(platform) if platform else None

    def find_deployment(self, iss, deployment_id):
        return self.find_deployment_by_params(iss, deployment_id, None)

    def find_deployment_by_params(self, iss, deployment_id, client_id, *args, **kw):
        platform = platform_find(iss, client_id)
        if platform is None or deployment_id not in platform.deployment_list():
            return None
        return Deployment().set_deployment_id(deployment_id)
