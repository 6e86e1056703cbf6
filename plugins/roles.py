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
#: Trainers' groups ("Formadores — <sector>") author assessments.
TRAINER_GROUP_PREFIX = "Formadores"
TRAINER_PERMISSIONS = [
    ("plugins", "assessment", "view_assessment"),
    ("plugins", "assessment", "add_assessment"),
    ("plugins", "assessment", "change_assessment"),
]


def _permissions(specs):
    from django.contrib.auth.models import Permission

    found = []
    for app_label, model, codename in specs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=codename,
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def assessor_permissions_grant(**kwargs) -> None:
    """Add grading permissions to "Evaluadores", read access to attempts to
    "Oficiales de certificación" and assessment authoring to every trainers'
    group. Idempotent and additive; connected to ``post_migrate`` and run by
    the demo seeder after the roles exist."""
    from django.contrib.auth.models import Group

    for name, specs in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(specs))
    trainer_permissions = _permissions(TRAINER_PERMISSIONS)
    for group in Group.objects.filter(name__startswith=TRAINER_GROUP_PREFIX):
        group.permissions.add(*trainer_permissions)
