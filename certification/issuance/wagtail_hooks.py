"""Admin menu entries and URLs of the credential screens (imported by the
certification app's ``ready()``), plus template and issuer-profile editing."""

from django.db import models
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from certification.models import CertificateTemplate, IssuerProfile, Signatory
from lms.web.admin_display import zoned_column

from .permissions import issuers_for


@hooks.register("register_admin_urls")
def register_credential_admin_urls():
    return [
        path(
            "credentials/",
            include(
                ("certification.issuance.admin_urls", "credentials_admin"),
                namespace="credentials_admin",
            ),
        )
    ]


class OfficerMenuItem(MenuItem):
    def is_shown(self, request):
        return issuers_for(request.user).exists()


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


@hooks.register("register_admin_viewset")
def register_credential_viewsets():
    return [CertificateTemplateViewSet(), IssuerProfileViewSet(), SignatoryViewSet()]
