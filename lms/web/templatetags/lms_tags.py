from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """One entry per interface language, pointing at the same content in that
    language: the page's translation for CMS pages, the translated URL elsewhere."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        for translation in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            translations[translation.locale.language_code] = translation.get_url(
                request
            )
    path = request.get_full_path() if request else "/"
    languages = [
        {
            "code": code,
            "name": name,
            "next": translations.get(code) or translate_url(path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
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
