"""Wagtail admin screens for the learning journey: a read-only enrolment list."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from courses import xapi
from courses.models import Enrolment
from lms.web.admin_display import zoned_column


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Allows viewing to whoever holds the model's ``view`` permission, and
    nothing else: enrolments change only through the learner's own actions."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(Enrolment, ReadOnlyPermissionPolicy(Enrolment))


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "group"
    menu_label = _("Inscripciones")
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "user",
        "course",
        zoned_column(Enrolment, "enrolled_at"),
        zoned_column(Enrolment, "completed_at"),
        zoned_column(Enrolment, "withdrawn_at"),
    ]
    list_filter = ["course", "completed_at", "withdrawn_at"]
    search_fields = ["user__email", "user__legal_name", "course__title"]
    ordering = ["-enrolled_at"]
    # The add and edit views exist but the permission policy refuses them.
    form_fields = []
    inspect_view_fields = [
        "user",
        "course",
        "enrolled_at",
        "completed_at",
        "withdrawn_at",
        "last_lesson",
    ]


@hooks.register("register_admin_viewset")
def register_enrolment_viewset():
    return EnrolmentViewSet("enrolments")


@hooks.register("content_may_play")
def lesson_content_may_play(user, item, page_id):
    from courses.content import content_may_play

    return content_may_play(user, item, page_id)


# An enrolled learner opening a lesson: "launched" to the LRS (courses.xapi).
hooks.register("before_serve_page", xapi.lesson_launched)
