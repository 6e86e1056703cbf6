from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (
            _("Identidad"),
            {"fields": ("legal_name", "country", "national_id", "preferred_language")},
        ),
    ]
    list_display = ["username", "email", "legal_name", "country", "is_staff"]
    list_filter = [*BaseUserAdmin.list_filter, "country"]
    search_fields = [*BaseUserAdmin.search_fields, "legal_name", "national_id"]
