"""The credential issuer metadata (OID4VCI 1.0 section 12.2) and the OAuth
authorisation server metadata (RFC 8414) of the platform.

The credential issuer identifier is the public address (``LMS_PUBLIC_URL``),
so both documents live at the root ``/.well-known/`` paths. OID4VCI requires
``https``; an ``http`` address is only good for development (a wallet has to
be told to allow insecure URLs).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from certification.credentials.openbadge import (
    CREDENTIAL_TYPE,
    OB3_CONTEXT,
    VC_V2_CONTEXT,
)
from lms.public_url import public_base_url

from .proofs import ALGORITHMS, BINDING_METHODS

PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code"
JWT_VC_JSON = "jwt_vc_json"
LDP_VC = "ldp_vc"
# credential_configuration_id -> format
CONFIGURATIONS = {
    "OpenBadgeCredential_jwt_vc_json": JWT_VC_JSON,
    "OpenBadgeCredential_ldp_vc": LDP_VC,
}
LOCALES = ("es", "en")


def credential_issuer() -> str:
    return public_base_url()


def endpoint(name: str) -> str:
    return public_base_url() + reverse(name)


def _display(text) -> list[dict]:
    entries = []
    for locale in LOCALES:
        with translation.override(locale):
            entries.append({"name": str(text()), "locale": locale})
    return entries


def _configuration(credential_format: str) -> dict:
    common = {
        "format": credential_format,
        "cryptographic_binding_methods_supported": list(BINDING_METHODS),
        "proof_types_supported": {
            "jwt": {"proof_signing_alg_values_supported": list(ALGORITHMS)}
        },
        "credential_metadata": {
            "display": _display(lambda: _("Certificado de competencia (Open Badges)"))
        },
    }
    if credential_format == JWT_VC_JSON:
        common["credential_signing_alg_values_supported"] = ["RS256", "EdDSA"]
        common["credential_definition"] = {"type": list(CREDENTIAL_TYPE)}
    else:
        common["credential_signing_alg_values_supported"] = ["eddsa-jcs-2022"]
        common["credential_definition"] = {
            "@context": [VC_V2_CONTEXT, OB3_CONTEXT],
            "type": list(CREDENTIAL_TYPE),
        }
    return common


def credential_issuer_metadata() -> dict:
    return {
        "credential_issuer": credential_issuer(),
        "credential_endpoint": endpoint("wallet:credential"),
        "nonce_endpoint": endpoint("wallet:nonce"),
        "display": _display(lambda: _("Cultura AP")),
        "credential_configurations_supported": {
            identifier: _configuration(credential_format)
            for identifier, credential_format in CONFIGURATIONS.items()
        },
    }


def authorization_server_metadata() -> dict:
    return {
        "issuer": credential_issuer(),
        "token_endpoint": endpoint("wallet:token"),
        "grant_types_supported": [PRE_AUTHORIZED_GRANT],
        "pre-authorized_grant_anonymous_access_supported": True,
        "token_endpoint_auth_methods_supported": ["none"],
    }
