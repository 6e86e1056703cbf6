from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from plugins.chooser import assessment_chooser_viewset


@hooks.register("register_admin_viewset")
def register_assessment_chooser():
    return assessment_chooser_viewset


@hooks.register("register_admin_urls")
def register_assessment_admin_urls():
    return [path("assessments/", include("plugins.admin_views.urls"))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_grading_queue_menu_item():
    return PermissionMenuItem(
        _("Cola de calificación"),
        reverse("plugins_admin:grading_queue"),
        icon_name="tasks",
        order=250,
        permission="plugins.grade_attempt",
    )


@hooks.register("register_admin_menu_item")
def register_assessments_menu_item():
    return PermissionMenuItem(
        _("Evaluaciones"),
        reverse("plugins_admin:assessment_index"),
        icon_name="form",
        order=240,
        permission="plugins.view_assessment",
    )


@hooks.register("register_admin_viewset")
def register_content_viewsets():
    from plugins.content_admin import content_chooser_viewset, content_item_viewset

    return [content_item_viewset, content_chooser_viewset]
