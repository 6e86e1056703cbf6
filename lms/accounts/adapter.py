from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url


class AccountAdapter(DefaultAccountAdapter):
    """Sends the person to their preferred language after login: the redirect
    goes to that language's URL and the language cookie remembers it."""

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        language = user.preferred_language
        if language and response.has_header("Location"):
            response["Location"] = translate_url(response["Location"], language)
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
        return response
