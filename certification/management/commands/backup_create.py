"""``manage.py backup_create ARCHIVE``: database, issuers' public material and
stored files in one archive (see certification.backup)."""

from django.core.management.base import BaseCommand, CommandError

from certification.backup import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Back up the database, the issuers' public keys and certificates and "
        "every stored file into one .tar.gz archive. Private keys are left out "
        "unless --include-private-keys is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the new archive (.tar.gz).")
        parser.add_argument(
            "--include-private-keys",
            action="store_true",
            help="Also store the issuers' private key files (keep the archive "
            "as secret as the keys themselves).",
        )

    def handle(self, *args, archive, include_private_keys, **options):
        try:
            summary = backup_create(archive, include_private_keys=include_private_keys)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{archive}: {summary.rows} rows, {summary.files} files, "
            f"{summary.keys} key files ({summary.private_keys} private)."
        )
