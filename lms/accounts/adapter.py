from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Switches the interface to the person's preferred language on login."""

    def login(self, request, user):
        super().login(request, user)
        if user.preferred_language:
            translation.activate(user.preferred_language)
            request.session["_language"] = user.preferred_language

    def get_login_redirect_url(self, request):
        return super().get_login_redirect_url(request)
