"""Registration of external tools in the CMS (admin → *Herramientas LTI*),
showing the platform values a tool needs to be set up."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import LtiTool


def platform_values(tool: LtiTool | None = None) -> list[tuple[str, str]]:
    """What the tool's administrator enters on the tool's side."""
    from .views import public_url

    values = [
        (_("Emisor (issuer)"), settings.LMS_PUBLIC_URL),
        (_("Endpoint de autorización OIDC"), public_url("lti_platform:auth")),
        (_("Endpoint de token (OAuth 2)"), public_url("lti_platform:token")),
        (_("JWKS de la plataforma"), public_url("lti_platform:jwks")),
    ]
    if tool is not None and tool.pk:
        values = [
            (_("client_id"), tool.client_id),
            (_("deployment_id"), tool.deployment_id),
            *values,
        ]
    return values


def _url_field(name: str, *, required: bool = True) -> forms.URLField:
    field = LtiTool._meta.get_field(name)
    return forms.URLField(
        label=field.verbose_name,
        help_text=field.help_text,
        required=required,
        max_length=field.max_length,
        assume_scheme="https",
    )


class LtiToolForm(WagtailAdminModelForm):
    login_url = _url_field("login_url")
    target_link_uri = _url_field("target_link_uri")
    jwks_url = _url_field("jwks_url", required=False)
    deep_link_url = _url_field("deep_link_url", required=False)

    class Meta:
        model = LtiTool
        fields = [
            "name",
            "login_url",
            "target_link_uri",
            "redirect_uris",
            "jwks_url",
            "public_key",
            "deep_link_url",
        ]
        widgets = {
            "redirect_uris": forms.Textarea(attrs={"rows": 2}),
            "public_key": forms.Textarea(attrs={"rows": 4}),
        }


class PlatformValuesMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["platform_values"] = platform_values(getattr(self, "object", None))
        return context


class LtiToolCreateView(PlatformValuesMixin, generic.CreateView):
    pass


class LtiToolEditView(PlatformValuesMixin, generic.EditView):
    pass


class LtiToolViewSet(ModelViewSet):
    model = LtiTool
    icon = "link-external"
    menu_label = _("Herramientas LTI")
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["name", "client_id", "deployment_id", "target_link_uri"]
    search_fields = ["name", "client_id"]
    name = "lti_tools"
    add_view_class = LtiToolCreateView
    edit_view_class = LtiToolEditView
    edit_template_name = "lti_platform/admin/tool_edit.html"
    create_template_name = "lti_platform/admin/tool_edit.html"

    def get_form_class(self, for_update=False):
        return LtiToolForm


lti_tool_viewset = LtiToolViewSet("lti_tools")
