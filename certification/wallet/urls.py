"""OID4VCI endpoints, mounted at the site root outside the language prefixes
(the credential issuer identifier is the public address itself)."""

from django.urls import path

from . import views

app_name = "wallet"

urlpatterns = [
    path(
        ".well-known/openid-credential-issuer",
        views.issuer_metadata,
        name="issuer_metadata",
    ),
    path(
        ".well-known/oauth-authorization-server",
        views.oauth_metadata,
        name="oauth_metadata",
    ),
    path("wallet/token", views.token, name="token"),
    path("wallet/nonce", views.nonce, name="nonce"),
    path("wallet/credential", views.credential, name="credential"),
]
