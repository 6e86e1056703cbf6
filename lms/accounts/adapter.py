from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from lms.public_url import public_netloc, public_url_rebase

QUIET_SIGNUP_ATTRIBUTE = "lms_quiet_signup_emails"


def quiet_signup_for(request, email: str) -> None:
    """No enumeration mail to ``email`` during this request (a sign-up whose
    identity document is registered: its holder is told instead)."""
    quiet = getattr(request, QUIET_SIGNUP_ATTRIBUTE, set())
    quiet.add((email or "").lower())
    setattr(request, QUIET_SIGNUP_ATTRIBUTE, quiet)


class AccountAdapter(DefaultAccountAdapter):
    """Sends the person to their preferred language after login: the redirect
    goes to that language's URL and the language cookie remembers it.

    Account e-mails link to the site's public address (``LMS_PUBLIC_URL``),
    whatever address the request that triggered them came in at.
    Tells the holder of an identity document when someone signs up with it
    (see ``lms.accounts.signup``)."""

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        language = user.preferred_language
        if language and response.has_header("Location"):
            response["Location"] = translate_url(response["Location"], language)
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language)
        return response

    def send_account_already_exists_mail(self, email: str) -> None:
        quiet = getattr(self.request, QUIET_SIGNUP_ATTRIBUTE, set())
        if (email or "").lower() in quiet:
            return
        super().send_account_already_exists_mail(email)

    def send_document_registered_mail(self, holder) -> None:
        """Tell ``holder`` that someone tried to sign up with their document,
        in their language."""
        from allauth.account.internal.flows.password_reset import (
            get_reset_password_url,
        )

        if not holder.email:
            return
        with translation.override(holder.preferred_language or "es"):
            context = {
                "user": holder,
                "password_reset_url": get_reset_password_url(self.request),
            }
            self.send_mail("account/email/document_registered", holder.email, context)

    def send_mail(self, template_prefix, email, context):
        context = {
            name: public_url_rebase(value) if isinstance(value, str) else value
            for name, value in context.items()
        }
        context["current_site"] = SimpleNamespace(
            name=str(settings.LMS_SITE_NAME), domain=public_netloc()
        )
        return super().send_mail(template_prefix, email, context)
