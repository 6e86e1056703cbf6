"""Trainers and content reviewers register the external tools they embed,
as they upload content packages."""

from plugins.roles import REVIEWERS_GROUP, TRAINER_GROUP_PREFIX

TOOL_PERMISSIONS = ("view_ltitool", "add_ltitool", "change_ltitool")


def tool_permissions_grant(**kwargs) -> None:
    """Idempotent and additive; connected to ``post_migrate``."""
    from django.contrib.auth.models import Group, Permission

    permissions = list(
        Permission.objects.filter(
            content_type__app_label="lti_platform", codename__in=TOOL_PERMISSIONS
        )
    )
    if not permissions:
        return
    for group in Group.objects.filter(name__startswith=TRAINER_GROUP_PREFIX):
        group.permissions.add(*permissions)
    for group in Group.objects.filter(name=REVIEWERS_GROUP):
        group.permissions.add(*permissions)
