"""The officer's admin menu: standards, units, programs and related data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from certification.admin import evidence, views
from certification.admin.audit import AuditEntryViewSet
from certification.admin.forms import CountryScopedForm
from certification.models import (
    AssessorRole,
    CertificateTemplate,
    CertificationProgram,
    CompetencyUnit,
    Evidence,
    FrameworkLevel,
    Issuer,
    IssuerProfile,
    LevelMapping,
    OccupationalStandard,
    ProgramApplication,
    QualificationFramework,
    Signatory,
    StandardEquivalence,
)
from lms.web.admin_display import zoned_column


class CountryScopedViewSet(ModelViewSet):
    """A model viewset whose every view is limited to the officer's countries."""

    index_view_class = views.ScopedIndexView
    add_view_class = views.ScopedCreateView
    edit_view_class = views.ScopedEditView
    delete_view_class = views.ScopedDeleteView
    inspect_view_class = views.ScopedInspectView
    copy_view_class = views.ScopedCopyView
    history_view_class = views.ScopedHistoryView
    usage_view_class = views.ScopedUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False

    def get_edit_handler(self):
        panels = getattr(self, "panels", None)
        if panels is None:
            return super().get_edit_handler()
        return ObjectList(panels, base_form_class=CountryScopedForm).bind_to_model(
            self.model
        )


class OccupationalStandardViewSet(CountryScopedViewSet):
    model = OccupationalStandard
    icon = "doc-full"
    menu_label = _("Estándares")
    list_display = ["code", "version", "title", "country", "sector"]
    list_filter = ["country", "sector", "system"]
    search_fields = ["code", "title"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("system"), FieldPanel("sector")],
            heading=_("Origen"),
        ),
        FieldPanel("code"),
        FieldPanel("version"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("level"),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until")],
            heading=_("Vigencia"),
        ),
        FieldPanel("source_url"),
    ]


class CompetencyUnitViewSet(CountryScopedViewSet):
    model = CompetencyUnit
    icon = "list-ul"
    menu_label = _("Unidades de competencia")
    list_display = ["code", "title", "standard"]
    list_filter = ["standard__country", "standard"]
    search_fields = ["code", "title"]
    panels = [
        FieldPanel("standard"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
        InlinePanel(
            "criteria", heading=_("Criterios de desempeño"), label=_("criterio")
        ),
        InlinePanel(
            "evidence_requirements",
            heading=_("Requisitos de evidencia"),
            label=_("requisito"),
        ),
    ]


class StandardEquivalenceViewSet(CountryScopedViewSet):
    model = StandardEquivalence
    icon = "resubmit"
    menu_label = _("Equivalencias")
    list_display = ["__str__", "standard_a", "standard_b"]
    panels = [
        FieldPanel("standard_a"),
        FieldPanel("unit_a"),
        FieldPanel("standard_b"),
        FieldPanel("unit_b"),
        FieldPanel("notes"),
    ]


class CertificationProgramViewSet(CountryScopedViewSet):
    model = CertificationProgram
    icon = "success"
    menu_label = _("Programas de certificación")
    list_display = ["code", "title", "issuer", "kind", "issuance", "active"]
    list_filter = ["issuer", "kind", "active"]
    search_fields = ["code", "title"]
    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("title_en"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("issuer"),
        FieldPanel("standard"),
        FieldPanel("required_units"),
        FieldPanel("kind"),
        FieldPanel("validity_years"),
        FieldPanel("issuance"),
        FieldPanel("active"),
    ]


class IssuerViewSet(CountryScopedViewSet):
    model = Issuer
    icon = "site"
    menu_label = _("Emisores")
    list_display = ["name", "country", "website"]
    panels = [
        FieldPanel("country"),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("profile_es"),
        FieldPanel("profile_en"),
        FieldPanel("website"),
    ]


class LevelMappingViewSet(CountryScopedViewSet):
    model = LevelMapping
    icon = "order"
    menu_label = _("Correspondencia regional de niveles")
    list_display = ["national_level", "regional_level", "provisional"]
    list_filter = ["provisional"]
    panels = [
        FieldPanel("national_level"),
        FieldPanel("regional_level"),
        FieldPanel("provisional"),
        FieldPanel("notes"),
    ]


class QualificationFrameworkViewSet(ModelViewSet):
    """Frameworks are shared reference data: every officer reads them, only
    administrators change them."""

    model = QualificationFramework
    icon = "table"
    menu_label = _("Marcos de cualificaciones")
    list_display = ["__str__", "name", "country", "is_regional"]
    panels = [
        FieldPanel(name)
        for name in (
            "code",
            "name",
            "name_en",
            "short_name",
            "country",
            "is_regional",
            "description",
            "description_en",
            "source_url",
        )
    ]
    inspect_view_enabled = True
    add_to_admin_menu = False


class FrameworkLevelViewSet(ModelViewSet):
    model = FrameworkLevel
    icon = "table"
    menu_label = _("Niveles de marco")
    list_display = ["__str__", "name"]
    list_filter = ["framework"]
    panels = [
        FieldPanel(n)
        for n in (
            "framework",
            "number",
            "name",
            "name_en",
            "descriptor",
            "descriptor_en",
        )
    ]
    inspect_view_enabled = True
    add_to_admin_menu = False


class EvidenceViewSet(CountryScopedViewSet):
    model = Evidence
    icon = "tick-inverse"
    menu_label = _("Evidencias")
    list_display = [
        "learner",
        "unit",
        "criterion",
        "source_kind",
        zoned_column(Evidence, "assessed_at"),
        "recorded_by",
        "confirmed_at",
    ]
    list_filter = ["source_kind"]

    @property
    def add_view(self):
        """Manual evidence goes through its own form and service."""
        return evidence.evidence_add

    panels = [
        FieldPanel("learner"),
        FieldPanel("unit"),
        FieldPanel("criterion"),
        FieldPanel("source_kind"),
        FieldPanel("source_id"),
        FieldPanel("kind"),
        FieldPanel("assessor"),
        FieldPanel("assessed_at"),
        FieldPanel("expires_at"),
        FieldPanel("notes"),
    ]


class AssessorRoleViewSet(ModelViewSet):
    """Assessors' accreditations by country and sector: granted by
    administrators (model permissions), every change audited."""

    model = AssessorRole
    icon = "user"
    menu_label = _("Acreditaciones de evaluadores")
    list_display = ["user", "country", "sector", "created_at"]
    list_filter = ["country", "sector"]
    search_fields = ["user__legal_name", "user__username", "user__email"]
    form_fields = ["user", "country", "sector"]
    add_to_admin_menu = False


class ProgramApplicationViewSet(CountryScopedViewSet):
    model = ProgramApplication
    icon = "form"
    menu_label = _("Postulaciones")
    list_display = [
        "learner",
        "program",
        "route",
        "status",
        zoned_column(ProgramApplication, "updated_at"),
    ]
    list_filter = ["route", "status"]
    # The state changes through certification.applications (evidence,
    # issuance, the approval queue's approve and reject), never by hand here.
    panels = [
        FieldPanel("status", read_only=True),
        FieldPanel("reason", read_only=True),
    ]


class CertificationViewSetGroup(ModelViewSetGroup):
    menu_label = _("Certificación")
    menu_icon = "success"
    menu_order = 300
    items = (
        OccupationalStandardViewSet("certification_standards"),
        CompetencyUnitViewSet("certification_units"),
        StandardEquivalenceViewSet("certification_equivalences"),
        CertificationProgramViewSet("certification_programs"),
        ProgramApplicationViewSet("certification_applications"),
        EvidenceViewSet("certification_evidence"),
        IssuerViewSet("certification_issuers"),
        QualificationFrameworkViewSet("certification_frameworks"),
        FrameworkLevelViewSet("certification_levels"),
        LevelMappingViewSet("certification_level_mappings"),
        AssessorRoleViewSet("certification_assessor_roles"),
        AuditEntryViewSet("certification_audit"),
    )


class CertificateTemplateViewSet(ModelViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = _("Plantillas de certificado")
    add_to_admin_menu = True
    menu_order = 322
    form_fields = ["issuer", "name", "html", "css"]
    list_display = ["name", "issuer", zoned_column(CertificateTemplate, "updated_at")]


class IssuerProfileViewSet(ModelViewSet):
    model = IssuerProfile
    icon = "user"
    menu_label = _("Perfiles de emisión")
    add_to_admin_menu = True
    menu_order = 323
    form_fields = [
        "issuer",
        "key_code",
        "logo",
        "legal_text_es",
        "legal_text_en",
        "contact_email",
        "tsa_url",
    ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):  # as the admin's other forms
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, **kwargs)


class SignatoryViewSet(ModelViewSet):
    model = Signatory
    icon = "edit"
    menu_label = _("Firmantes")
    add_to_admin_menu = True
    menu_order = 324
    form_fields = ["profile", "name", "role_es", "role_en", "signature", "sort_order"]
