"""Admin menu, country-scoped permission policies and the standards import."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from certification.admin.audit import AuditPermissionPolicy
from certification.admin.viewsets import CertificationViewSetGroup
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
    return CertificationViewSetGroup()


@hooks.register("register_admin_urls")
def register_certification_admin_urls():
    return [
        path(
            "certification/",
            include(
                ("certification.admin.urls", "certification_admin"),
                namespace="certification_admin",
            ),
        )
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certification.add_occupationalstandard")


@hooks.register("register_admin_menu_item")
def register_standards_import_menu_item():
    return _ImportMenuItem(
        _("Importar estándares"),
        reverse("certification_admin:standards_import"),
        icon_name="upload",
        order=310,
    )


class _PendingEvidenceMenuItem(MenuItem):
    def is_shown(self, request):
        from certification.models import AssessorRole
        from certification.roles import officer_countries

        user = request.user
        return bool(
            user.is_superuser
            or officer_countries(user)
            or AssessorRole.objects.filter(user=user).exists()
        )


@hooks.register("register_admin_menu_item")
def register_pending_evidence_menu_item():
    return _PendingEvidenceMenuItem(
        _("Evidencias por confirmar"),
        reverse("certification_admin:evidence_pending"),
        icon_name="tick-inverse",
        order=305,
    )
