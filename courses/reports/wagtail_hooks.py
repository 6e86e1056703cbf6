from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .scope import reports_visible


@hooks.register("register_admin_urls")
def register_reports_urls():
    return [path("reports/", include("courses.reports.urls", namespace="reports"))]


class _ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return reports_visible(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return _ReportsMenuItem(
        _("Informes"), reverse("reports:dashboard"), icon_name="table", order=320
    )
