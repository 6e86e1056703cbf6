from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Switches the interface to the person's preferred language on login."""

    def login(self, request, user):
        super().login(request, user)
        if user.preferred_language:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        language = user.preferred_language
        if language and response.has_header("Location"):
            response["Location"] = translate_url(response["Location"], language)
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
        return response
