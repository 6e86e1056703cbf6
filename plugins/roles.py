"""Permissions the assessment framework gives to the assessors' and the
certification officers' groups (the groups themselves belong to the editorial
roles; they are created here too when the roles have not been seeded yet)."""

ASSESSORS_GROUP = "Evaluadores"
OFFICERS_GROUP = "Oficiales de certificación"
GROUP_PERMISSIONS = {
    ASSESSORS_GROUP: [
        ("wagtailadmin", "admin", "access_admin"),
        ("plugins", "attempt", "grade_attempt"),
        ("plugins", "attempt", "view_attempt"),
        ("plugins", "assessment", "view_assessment"),
    ],
    OFFICERS_GROUP: [
        ("wagtailadmin", "admin", "access_admin"),
        ("plugins", "attempt", "view_attempt"),
        ("plugins", "assessment", "view_assessment"),
    ],
}


def assessor_permissions_grant(**kwargs) -> None:
    """Add grading permissions to "Evaluadores" and read access to attempts to
    "Oficiales de certificación". Idempotent and additive; connected to
    ``post_migrate``."""
    from django.contrib.auth.models import Group, Permission

    for name, permissions in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, model, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename=codename,
            ).first()
            if permission is not None:
                group.permissions.add(permission)
