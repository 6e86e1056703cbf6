"""Who may issue and manage credentials: the officers of the issuer's country
(members of its officer group, see ``certification.roles``) and superusers."""

from __future__ import annotations

from certification.models import Issuer
from certification.roles import officer_countries


def _countries(user) -> set[str] | None:
    """Country codes ``user`` is an officer of; None means every country."""
    if not user or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    return officer_countries(user)


def can_manage_issuer(user, issuer) -> bool:
    countries = _countries(user)
    return countries is None or issuer.country_id in countries


def issuers_for(user):
    """The issuers whose credentials ``user`` may issue and manage."""
    countries = _countries(user)
    if countries is None:
        return Issuer.objects.all()
    return Issuer.objects.filter(country_id__in=countries)
