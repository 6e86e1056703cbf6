"""Compile every ``.po`` catalog of the project into ``.mo`` in pure Python.

Unlike ``compilemessages`` it needs no GNU gettext on the machine, so a fresh
checkout runs ``make demo`` with Python alone.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

SOURCE_DIRS = ("locale", "lms", "courses", "plugins", "certification")


class Command(BaseCommand):
    help = "Compile the project's translation catalogs (.po -> .mo)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        catalogs = [
            po
            for directory in SOURCE_DIRS
            for po in sorted((base / directory).glob("**/LC_MESSAGES/*.po"))
        ]
        for po_path in catalogs:
            try:
                catalog = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path}: {error}") from error
            catalog.save_as_mofile(str(po_path.with_suffix(".mo")))
        self.stdout.write(f"Compiled {len(catalogs)} catalog(s).")
