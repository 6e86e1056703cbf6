"""The CMS screens: LTI platforms (registrations), with the URLs an
external LMS needs to register this tool."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .keys import current_tool_key
from .models import Platform


def tool_urls(request) -> dict:
    return {
        name: request.build_absolute_uri(reverse(f"lti_tool:{name}"))
        for name in ("login", "launch", "jwks")
    }


class PlatformIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["lti_urls"] = tool_urls(self.request)
        context["lti_kid"] = current_tool_key().kid
        return context


class PlatformViewSet(ModelViewSet):
    model = Platform
    icon = "link-external"
    menu_label = _("Plataformas LTI")
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = PlatformIndexView
    index_template_name = "lti_tool/admin/index.html"
    list_display = ["name", "issuer", "client_id", "country", "active"]
    list_filter = ["country", "active"]
    search_fields = ["name", "issuer", "client_id"]
    panels = [
        FieldPanel("name"),
        FieldPanel("issuer"),
        FieldPanel("client_id"),
        FieldPanel("auth_login_url"),
        FieldPanel("auth_token_url"),
        FieldPanel("key_set_url"),
        FieldPanel("deployment_ids"),
        FieldPanel("country"),
        FieldPanel("active"),
    ]


@hooks.register("register_admin_viewset")
def register_platform_viewset():
    return PlatformViewSet("lti-platforms")
