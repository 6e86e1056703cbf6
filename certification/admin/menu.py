"""Admin menu entries shown only to the people who can use them."""

from wagtail.admin.menu import MenuItem

from certification.issuance.permissions import issuers_for
from certification.models import AssessorRole
from certification.roles import officer_countries


class StandardsImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("certification.add_occupationalstandard")


class PendingEvidenceMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return bool(
            user.is_superuser
            or officer_countries(user)
            or AssessorRole.objects.filter(user=user).exists()
        )


class OfficerMenuItem(MenuItem):
    """Shown to the officers of at least one issuer."""

    def is_shown(self, request):
        # Three entries ask on every admin page: one query per request.
        shown = getattr(request, "_officer_menu_shown", None)
        if shown is None:
            shown = request._officer_menu_shown = issuers_for(request.user).exists()
        return shown
