"""Copy an issued credential's PDF, JSON and JWT to files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certification.issuance.selectors import credential_public_get
from certification.issuance.storage import artefact_read


class Command(BaseCommand):
    help = "Export an issued credential: --pdf PATH, --json PATH, --jwt PATH."

    def add_arguments(self, parser):
        parser.add_argument("public_id")
        parser.add_argument("--pdf", type=Path, help="where to write the signed PDF")
        parser.add_argument("--json", type=Path, help="where to write the JSON")
        parser.add_argument("--jwt", type=Path, help="where to write the VC-JWT")

    def handle(self, *args, public_id, **options):
        targets = {
            "pdf_file": options["pdf"],
            "json_file": options["json"],
            "jwt_file": options["jwt"],
        }
        if not any(targets.values()):
            raise CommandError("nothing to export: give --pdf, --json or --jwt")
        credential = credential_public_get(public_id)
        if credential is None:
            raise CommandError(f"no issued credential with id {public_id}")
        for path in targets.values():
            if path and not path.parent.is_dir():
                raise CommandError(f"directory does not exist: {path.parent}")
        for field, path in targets.items():
            if path:
                path.write_bytes(artefact_read(getattr(credential, field)))
                self.stdout.write(str(path))
