"""Issue a program's credential to one user: prints the credential's public id."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from certification.integrity import IntegrityRefused
from certification.issuance.service import NotEligible, credential_issue
from certification.models import CertificationProgram


class Command(BaseCommand):
    help = "Issue the credential of a certification program to a user."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="username of the holder")
        parser.add_argument("--program", required=True, help="program code")
        parser.add_argument(
            "--by",
            help="username of the officer issuing it (recorded; never the holder)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="issue even if the user is not eligible under the program",
        )

    def handle(self, *args, user, program, force, by=None, **options):
        holder = get_user_model().objects.filter(username=user).first()
        if holder is None:
            raise CommandError(f"unknown user: {user}")
        programme = CertificationProgram.objects.filter(code=program).first()
        if programme is None:
            raise CommandError(f"unknown program: {program}")
        officer = None
        if by:
            officer = get_user_model().objects.filter(username=by).first()
            if officer is None:
                raise CommandError(f"unknown user: {by}")
        try:
            credential = credential_issue(
                user=holder, program=programme, issued_by=officer, force=force
            )
        except IntegrityRefused as exc:
            raise CommandError(str(exc)) from exc
        except NotEligible as exc:
            raise CommandError(
                f"{user} is not eligible for {program} (use --force to override)"
            ) from exc
        credential.refresh_from_db()
        if credential.status == "pending" and credential.last_error:
            raise CommandError(
                f"{credential.public_id} stays pending: {credential.last_error}"
            )
        self.stdout.write(credential.public_id)
