"""The English catalog is complete and its placeholders match the Spanish."""

import re
from pathlib import Path

import polib
from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def test_every_interface_string_has_an_english_translation():
    catalog = polib.pofile(str(CATALOG))
    missing = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert not missing and not fuzzy, (missing[:5], fuzzy[:5])


def test_translations_keep_every_placeholder():
    for entry in polib.pofile(str(CATALOG)):
        translations = (
            entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        )
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for translation in translations:
            assert sorted(set(PLACEHOLDER.findall(translation))) == sorted(
                set(expected)
            ), entry.msgid


def test_english_pages_are_translated(client, course):
    page = client.get("/en/accounts/login/").content.decode()
    assert "Sign in" in page or "Log in" in page or "Sign In" in page
    catalog = client.get("/en/").content.decode()
    assert "Catalog" in catalog
