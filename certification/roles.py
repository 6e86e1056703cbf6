"""Certification officer groups, one per country.

``officer_roles_sync()`` creates or updates the group "Oficiales de certificación —
<país>" of each country with the permissions an officer needs; the admin limits
what each group's members see to their country (``certification.permissions``).
Running it again changes nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation

from certification.models import CountryOfficerGroup
from lms.reference.models import Country

GROUP_NAME = "Oficiales de certificación — {country}"

# model name -> actions an officer may perform on their country's rows
OFFICER_PERMISSIONS = {
    "occupationalstandard": ("add", "change", "delete", "view"),
    "competencyunit": ("add", "change", "delete", "view"),
    "performancecriterion": ("add", "change", "delete", "view"),
    "evidencerequirement": ("add", "change", "delete", "view"),
    "standardequivalence": ("add", "change", "delete", "view"),
    "certificationprogram": ("add", "change", "delete", "view"),
    "levelmapping": ("change", "view"),
    "qualificationframework": ("view",),
    "frameworklevel": ("view",),
    "issuer": ("change", "view"),
    "evidence": ("add", "view"),
    "programapplication": ("view",),
}


def officer_permissions() -> list[Permission]:
    codenames = [
        f"{action}_{model}"
        for model, actions in OFFICER_PERMISSIONS.items()
        for action in actions
    ]
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="certification", codename__in=codenames
        )
    )
    permissions += list(
        Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return permissions


@transaction.atomic
def officer_roles_sync() -> dict[str, Group]:
    """Create or update each country's officer group; returns them by country."""
    permissions = officer_permissions()
    groups = {}
    for country in Country.objects.all():
        link = CountryOfficerGroup.objects.filter(country=country).first()
        with translation.override("es"):
            name = GROUP_NAME.format(country=str(country.name))
        if link is None:
            group, _ = Group.objects.get_or_create(name=name)
            CountryOfficerGroup.objects.create(country=country, group=group)
        else:
            group = link.group
        group.permissions.add(*permissions)
        groups[country.code] = group
    return groups


def officer_countries(user) -> set[str]:
    """Codes of the countries whose officer groups ``user`` belongs to."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_certification_countries", None)
    if cached is None:
        cached = set(
            CountryOfficerGroup.objects.filter(group__user=user).values_list(
                "country_id", flat=True
            )
        )
        user._certification_countries = cached
    return cached
