"""The audit log in the CMS: read-only, limited to the officer's countries,
filterable, exportable as CSV with formula-looking cells neutralised."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from certification.roles import officer_countries
from lms.audit.models import AuditEntry

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _sees_log(user) -> bool:
    return user.is_active and (user.is_superuser or bool(officer_countries(user)))


class AuditPermissionPolicy(ModelPermissionPolicy):
    """Viewing only, for superusers and officers (their countries' entries);
    nobody may add, change or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and _sees_log(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(["view"]) if "view" in actions else []

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            user.is_superuser or instance.country in officer_countries(user)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, a, instance) for a in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        entries = AuditEntry.objects.all()
        if not self.user_has_any_permission(user, actions):
            return entries.none()
        if user.is_superuser:
            return entries
        return entries.filter(country__in=officer_countries(user))

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class AuditIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["view"]
        ).filter(pk__in=super().get_base_queryset().values("pk"))

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {key: spreadsheet_safe(value) for key, value in row_dict.items()}
        )

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        return {
            key: (str(value) if isinstance(value, dict) else value)
            for key, value in row.items()
        }


class AuditInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        entry = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "view", entry
        ):
            from django.http import Http404

            raise Http404
        return entry


class AuditEntryViewSet(ModelViewSet):
    model = AuditEntry
    icon = "history"
    menu_label = _("Auditoría")
    add_to_admin_menu = False
    index_view_class = AuditIndexView
    inspect_view_class = AuditInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["created_at", "actor_name", "action", "object_repr", "country"]
    list_filter = ["action", "country", "created_at"]
    search_fields = ["actor_name", "object_repr", "object_id"]
    list_export = [
        "created_at",
        "actor_id",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "country",
        "before",
        "after",
        "address",
    ]
    export_filename = "auditoria"
    inspect_view_fields = list_export
    form_fields = []
