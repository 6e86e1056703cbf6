"""Permissions the assessment framework gives to the assessors' and the
certification officers' groups (the groups themselves belong to the editorial
roles; they are created here too when the roles have not been seeded yet)."""

ASSESSORS_GROUP = "Evaluadores"
OFFICERS_GROUP = "Oficiales de certificación"
REVIEWERS_GROUP = "Revisores de contenido"
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
    ("plugins", "contentitem", "view_contentitem"),
    ("plugins", "contentitem", "add_contentitem"),
    ("plugins", "contentitem", "change_contentitem"),
]
#: Content reviewers author every sector's assessments and publish the
#: trainers' changes.
REVIEWER_PERMISSIONS = [
    *TRAINER_PERMISSIONS,
    ("plugins", "assessment", "publish_assessment"),
]
PUBLISH_PERMISSION = "plugins.publish_assessment"


def trainer_group_name(sector) -> str:
    """The Spanish name of a sector's trainer group, e.g. "Formadores — Música"."""
    from django.utils import translation

    with translation.override("es"):
        return f"{TRAINER_GROUP_PREFIX} — {sector.name}"


def trainer_sector_ids(user) -> set[int]:
    """The sectors whose trainer group ``user`` belongs to."""
    from lms.reference.models import Sector

    names = set(user.groups.values_list("name", flat=True))
    return {
        sector.pk
        for sector in Sector.objects.all()
        if trainer_group_name(sector) in names
    }


def assessments_all_sectors(user) -> bool:
    """Reviewers (who publish) and administrators author every sector."""
    return user.is_superuser or user.has_perm(PUBLISH_PERMISSION)


def assessments_scope(queryset, user, *, writing: bool = False):
    """The assessments of ``queryset`` that ``user`` may see in the admin
    (``writing``: change or delete). Reviewers and administrators: all.
    Trainers: their sectors' only. Others (assessors, officers) read all
    and write none."""
    if assessments_all_sectors(user):
        return queryset
    sectors = trainer_sector_ids(user)
    if sectors or writing:
        return queryset.filter(sector_id__in=sectors)
    return queryset


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
    "Oficiales de certificación", assessment authoring to every trainers'
    group and authoring with publishing to the content reviewers. Idempotent
    and additive; connected to ``post_migrate`` and run by the demo seeder
    after the roles exist."""
    from django.contrib.auth.models import Group

    for name, specs in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(specs))
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    reviewers.permissions.add(*_permissions(REVIEWER_PERMISSIONS))
    trainer_permissions = _permissions(TRAINER_PERMISSIONS)
    for group in Group.objects.filter(name__startswith=TRAINER_GROUP_PREFIX):
        group.permissions.add(*trainer_permissions)
