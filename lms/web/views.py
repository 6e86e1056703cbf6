from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from lms.web.health import health
from lms.web.health import live as health_live

__all__ = ["health", "health_live", "language_set"]


@require_POST
def language_set(request):
    """Switch the interface language and go to ``next`` as given.

    The language switcher already points ``next`` at the same page in the chosen
    language (a CMS page's translation, or the translated URL of a view), so
    unlike Django's ``set_language`` this view does not translate it again: a
    second translation of ``/en/…`` would give ``/en/en/…``.
    """
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and (getattr(user, "preferred_language", language) != language)
        ):
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
    return response
