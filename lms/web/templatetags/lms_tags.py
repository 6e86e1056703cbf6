from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from lms.accounts.timezones import datetime_display, time_display

register = template.Library()


def _page_translation_urls(page, request) -> dict[str, str]:
    """The URL of ``page`` in each language it is published in; a language it
    has no live translation in gets the nearest translated ancestor instead."""
    wanted = {code for code, _name in settings.LANGUAGES}
    urls = _translation_urls(page, request)
    if wanted - urls.keys():
        for ancestor in reversed(page.get_ancestors()):
            for code, url in _translation_urls(ancestor, request).items():
                urls.setdefault(code, url)
            if not wanted - urls.keys():
                break
    return urls


def _translation_urls(page, request) -> dict[str, str]:
    urls = {}
    for translation in (
        page.get_translations(inclusive=True).live().select_related("locale")
    ):
        url = translation.get_url(request)
        if url:
            urls[translation.locale.language_code] = url
    return urls


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """One entry per interface language, pointing at the same content in that
    language: the page's translation for CMS pages, the translated URL elsewhere.
    The query string (a search, a page number) is kept."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        translations = _page_translation_urls(page, request)
    path = request.get_full_path() if request else "/"
    query = request.META.get("QUERY_STRING", "") if request else ""
    languages = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        target = f"{target}?{query}" if target and query else target
        languages.append(
            {
                "code": code,
                "name": name,
                "next": target or translate_url(path, code),
                "current": code == current,
            }
        )
    return {"languages": languages, "request": request}


def _language_of(content) -> str:
    locale = getattr(content, "locale", None)
    if locale is not None:
        return locale.language_code
    if isinstance(content, list | tuple):
        return content[0] if content else ""
    return str(content or "")


@register.filter
def lang_attr(content):
    """`` lang="xx"`` when ``content`` (a Wagtail page, or a language code, or
    a list of them, the first being the content's own) is in another language
    than the interface, so that screen readers switch voice; else nothing."""
    language = _language_of(content).split("-")[0].lower()
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    if not language or language == current:
        return ""
    return format_html(' lang="{}"', language)


@register.filter
def when(value, format_name="DATETIME_FORMAT"):
    """A moment in the person's time zone, with the zone named:
    ``{{ attempt.submitted_at|when }}`` → «… 09:47 (hora de Santiago)»."""
    return datetime_display(value, format_name)


@register.filter
def when_time(value):
    """Only the time of day, with the zone: «09:47 (hora de Santiago)»."""
    return time_display(value)


@register.simple_tag
def now_when(format_name="DATETIME_FORMAT"):
    """The current moment, as ``when`` shows it."""
    return datetime_display(timezone.now(), format_name)
