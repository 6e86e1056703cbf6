from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url

from lms.public_url import public_netloc, public_url_rebase


class AccountAdapter(DefaultAccountAdapter):
    """Sends the person to their preferred language after login: the redirect
    goes to that language's URL and the language cookie remembers it.

    Account e-mails link to the site's public address (``LMS_PUBLIC_URL``),
    whatever address the request that triggered them came in at."""

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        language = user.preferred_language
        if language and response.has_header("Location"):
            response["Location"] = translate_url(response["Location"], language)
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
        return response

    def send_mail(self, template_prefix, email, context):
        context = {
            name: public_url_rebase(value) if isinstance(value, str) else value
            for name, value in context.items()
        }
        context["current_site"] = SimpleNamespace(
            name=str(settings.LMS_SITE_NAME), domain=public_netloc()
        )
        return super().send_mail(template_prefix, email, context)
