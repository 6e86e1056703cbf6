"""Mounted at ``/issuers/`` outside i18n_patterns (did:web resolution, JWKS)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<str:code>/did.json", views.issuer_did, name="issuer_did"),
    path("<str:code>/jwks.json", views.issuer_jwks, name="issuer_jwks"),
]
