"""Mounted at ``/issuers/`` outside i18n_patterns (did:web resolution)."""

from django.urls import path

from . import views

urlpatterns = [
    path("<str:code>/did.json", views.issuer_did, name="issuer_did"),
]
