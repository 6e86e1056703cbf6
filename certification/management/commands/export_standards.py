"""``manage.py export_standards FILE [--country CL]``: export standards with their
units and criteria as CSV or XLSX (by the file's extension), in the layout that
``import_standards`` reads."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certification.interchange import standards_export
from certification.models import OccupationalStandard


class Command(BaseCommand):
    help = "Exporta estándares, unidades y criterios a un archivo CSV o XLSX."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--country", help="Código de país (CL, CO, MX, PE).")

    def handle(self, *args, file: Path, country=None, **options):
        fmt = file.suffix.lower().lstrip(".")
        if fmt not in {"csv", "xlsx"}:
            raise CommandError("export_standards: the file must end in .csv or .xlsx")
        standards = OccupationalStandard.objects.all()
        if country:
            standards = standards.filter(country_id=country.upper())
        file.write_bytes(standards_export(standards, fmt))
        self.stdout.write(f"{standards.count()} estándares exportados a {file}.")
