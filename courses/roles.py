"""Editorial roles: the groups, permissions and moderation workflow of the catalog.

``roles_sync()`` is the one entry point. It is idempotent: it creates what is
missing, puts back what was changed, and removes trainer page permissions that
point outside the trainer's sector, so it can run after every deployment and
after new sector pages (or their translations) are created.

- One "Formadores — <sector>" group per sector: add and change (never publish)
  on that sector's SectorPage subtree in every locale, admin access, and adding
  and choosing images and documents to author lessons.
- "Revisores de contenido": add, change, publish, lock and unlock on the whole
  catalog (every locale's CatalogPage).
- "Evaluadores" and "Oficiales de certificación": admin access (officers also
  see the read-only enrolment list); the assessment and certification apps add
  their own permissions.
- The "Revisión de contenidos" workflow, one group-approval task for the
  reviewers, assigned to every locale's CatalogPage: a trainer submits, a
  reviewer publishes.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from courses.models import CatalogPage, SectorPage
from lms.reference.models import Sector
from plugins.roles import trainer_group_name

REVIEWERS_GROUP = "Revisores de contenido"
ASSESSORS_GROUP = "Evaluadores"
OFFICERS_GROUP = "Oficiales de certificación"
REGIONAL_GROUP = "Grupo Técnico de Cultura de la Alianza del Pacífico"
WORKFLOW_NAME = "Revisión de contenidos"
APPROVAL_TASK_NAME = "Aprobación de revisores"

ADMIN_ACCESS = "wagtailadmin.access_admin"
TRAINER_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
AUTHORING_PERMISSIONS = (ADMIN_ACCESS, "wagtail_localize.submit_translation")
MEDIA_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
)


@dataclass
class RolesSummary:
    """What ``roles_sync`` found or made: the groups by name and the workflow."""

    groups: dict[str, Group] = field(default_factory=dict)
    workflow: Workflow | None = None


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename: str) -> Permission:
    return _permission(f"wagtailcore.{codename}")


def _group(name: str, permissions: tuple[str, ...]) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*[_permission(dotted) for dotted in permissions])
    return group


def _grant_pages(group: Group, pages, codenames: tuple[str, ...]) -> None:
    """Make ``group``'s page permissions exactly ``codenames`` on ``pages``."""
    wanted = {
        (page.pk, _page_permission(codename).pk)
        for page in pages
        for codename in codenames
    }
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[
            grant.pk
            for grant in existing
            if (grant.page_id, grant.permission_id) in wanted
        ]
    ).delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def _grant_media(group: Group) -> None:
    root = Collection.get_first_root_node()
    for dotted in MEDIA_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(dotted)
        )


def _sync_workflow(reviewers: Group, catalogs: list[Page]) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.set([reviewers])
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for catalog in catalogs:
        WorkflowPage.objects.update_or_create(
            page=catalog, defaults={"workflow": workflow}
        )
    return workflow


@transaction.atomic
def roles_sync() -> RolesSummary:
    """Create or repair every editorial group, its permissions and the workflow.

    Page permissions attach to the pages that exist now: run it again after
    adding a sector page or a translation (``seed_demo`` and the ``sync_roles``
    command do).
    """
    summary = RolesSummary()
    for sector in Sector.objects.all():
        group = _group(trainer_group_name(sector), AUTHORING_PERMISSIONS)
        _grant_pages(
            group, SectorPage.objects.filter(sector=sector), TRAINER_PAGE_PERMISSIONS
        )
        _grant_media(group)
        summary.groups[group.name] = group
    catalogs = list(CatalogPage.objects.all())
    reviewers = _group(REVIEWERS_GROUP, AUTHORING_PERMISSIONS)
    _grant_pages(reviewers, catalogs, REVIEWER_PAGE_PERMISSIONS)
    _grant_media(reviewers)
    summary.groups[reviewers.name] = reviewers
    summary.groups[ASSESSORS_GROUP] = _group(ASSESSORS_GROUP, (ADMIN_ACCESS,))
    summary.groups[OFFICERS_GROUP] = _group(
        OFFICERS_GROUP, (ADMIN_ACCESS, "courses.view_enrolment")
    )
    # The Technical Group's regional role: reads regional reports only.
    summary.groups[REGIONAL_GROUP] = _group(REGIONAL_GROUP, (ADMIN_ACCESS,))
    summary.workflow = _sync_workflow(reviewers, catalogs)
    return summary
