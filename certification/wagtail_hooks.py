"""Every Wagtail hook of the certification app: country-scoped permission
policies, admin viewsets, URLs and menu entries. The screens live in
``certification.admin``."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from certification.admin.audit import AuditPermissionPolicy
from certification.admin.menu import (
    OfficerMenuItem,
    PendingEvidenceMenuItem,
    StandardsImportMenuItem,
)
from certification.admin.viewsets import (
    CertificateTemplateViewSet,
    CertificationViewSetGroup,
    IssuerProfileViewSet,
    SignatoryViewSet,
)
from certification.models import (
    CertificationProgram,
    CompetencyUnit,
    Evidence,
    EvidenceRequirement,
    Issuer,
    LevelMapping,
    OccupationalStandard,
    PerformanceCriterion,
    ProgramApplication,
    StandardEquivalence,
)
from certification.permissions import CountryPermissionPolicy
from lms.audit.models import AuditEntry

for _model in (
    OccupationalStandard,
    CompetencyUnit,
    PerformanceCriterion,
    EvidenceRequirement,
    StandardEquivalence,
    CertificationProgram,
    Issuer,
    LevelMapping,
    Evidence,
    ProgramApplication,
):
    register_permission_policy(_model, CountryPermissionPolicy(_model))
register_permission_policy(AuditEntry, AuditPermissionPolicy(AuditEntry))


@hooks.register("register_admin_viewset")
def register_certification_viewsets():
    return [
        CertificationViewSetGroup(),
        CertificateTemplateViewSet(),
        IssuerProfileViewSet(),
        SignatoryViewSet(),
    ]


@hooks.register("register_admin_urls")
def register_certification_admin_urls():
    return [
        path(
            "certification/",
            include(
                ("certification.admin.urls", "certification_admin"),
                namespace="certification_admin",
            ),
        ),
        path(
            "credentials/",
            include(
                ("certification.admin.credentials_urls", "credentials_admin"),
                namespace="credentials_admin",
            ),
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_standards_import_menu_item():
    return StandardsImportMenuItem(
        _("Importar estándares"),
        reverse("certification_admin:standards_import"),
        icon_name="upload",
        order=310,
    )


@hooks.register("register_admin_menu_item")
def register_pending_evidence_menu_item():
    return PendingEvidenceMenuItem(
        _("Evidencias por confirmar"),
        reverse("certification_admin:evidence_pending"),
        icon_name="tick-inverse",
        order=305,
    )


@hooks.register("register_admin_menu_item")
def register_credentials_menu_item():
    return OfficerMenuItem(
        _("Credenciales"),
        reverse("credentials_admin:index"),
        icon_name="success",
        order=320,
    )


@hooks.register("register_admin_menu_item")
def register_approvals_menu_item():
    return OfficerMenuItem(
        _("Aprobaciones y emisión masiva"),
        reverse("credentials_admin:approvals"),
        icon_name="tasks",
        order=321,
    )


@hooks.register("register_admin_menu_item")
def register_issuance_queue_menu_item():
    return OfficerMenuItem(
        _("Cola de emisión"),
        reverse("credentials_admin:queue"),
        icon_name="time",
        order=322,
    )
