"""Country scoping for certification officers.

An officer (a member of a country's officer group) sees and changes only the rows
of their own country; superusers see everything. Each model states how a row
reaches its country (``COUNTRY_PATHS``); a row of another country is refused with
403 by the admin views.
"""

from django.db.models import Q
from wagtail.permission_policies.base import ModelPermissionPolicy

from certification.roles import officer_countries

# model name -> lookups from the model to a country code (any one matching)
COUNTRY_PATHS = {
    "occupationalstandard": ("country_id",),
    "competencyunit": ("standard__country_id",),
    "performancecriterion": ("unit__standard__country_id",),
    "evidencerequirement": ("unit__standard__country_id",),
    "standardequivalence": ("standard_a__country_id", "standard_b__country_id"),
    "certificationprogram": ("issuer__country_id",),
    "issuer": ("country_id",),
    "levelmapping": ("national_level__framework__country_id",),
    "qualificationframework": ("country_id",),
    "frameworklevel": ("framework__country_id",),
    "evidence": ("unit__standard__country_id",),
    "programapplication": ("program__issuer__country_id",),
}


def country_filter(model, countries) -> Q:
    paths = COUNTRY_PATHS[model._meta.model_name]
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{path}__in": countries})
    return query


def scope_queryset(queryset, user):
    """``queryset`` limited to the rows of ``user``'s countries."""
    if user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(country_filter(queryset.model, officer_countries(user)))


def user_can_reach(user, instance) -> bool:
    """Whether ``instance`` belongs to one of ``user``'s countries."""
    if user.is_active and user.is_superuser:
        return True
    if instance.pk is None:
        return True
    model = type(instance)
    return scope_queryset(model._default_manager.filter(pk=instance.pk), user).exists()


class CountryPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, further limited to the officer's countries."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and user_can_reach(
            user, instance
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope_queryset(self.model._default_manager.all(), user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
