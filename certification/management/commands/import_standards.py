"""``manage.py import_standards FILE``: import standards from CSV or XLSX.

All or nothing: the command lists every bad row (row number and column) and
exits non-zero having imported nothing. The column layout is documented in
``certification.interchange``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certification.interchange import ImportFailed, standards_import


class Command(BaseCommand):
    help = "Importa estándares, unidades y criterios desde un archivo CSV o XLSX."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"import_standards: no such file: {file}")
        try:
            with file.open("rb") as handle:
                summary = standards_import(handle, file.name)
        except ImportFailed as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(f"import_standards: {failure}") from failure
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.standards} estándares, {summary.units} unidades, "
                f"{summary.criteria} criterios importados."
            )
        )
