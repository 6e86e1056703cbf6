"""``manage.py backup_restore ARCHIVE``: into an empty database and storage
only (see certification.backup)."""

from django.core.management.base import BaseCommand, CommandError

from certification.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore an archive written by backup_create into an empty database "
        "and empty storage (migrations are applied first); a target holding "
        "any account, issuer, credential or file is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive (.tar.gz).")

    def handle(self, *args, archive, **options):
        try:
            summary = backup_restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{archive}: {summary.rows} rows, {summary.files} files, "
            f"{summary.keys} key files restored."
        )
