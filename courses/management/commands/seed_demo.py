"""``manage.py seed_demo``: the demo catalog, roles and users, idempotently.

Running it again changes nothing. Other areas add their demo data by appending
a seeder (a function taking the shared ``SeedContext``, see
``courses.demo.seeders``) to ``SEEDERS``.
"""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from certification.demo import seed_certification_demo
from certification.demo.credentials import seed_credentials_demo
from courses.demo.assessments import seed_assessments_demo
from courses.demo.assessments_english import seed_assessments_english
from courses.demo.certification import seed_course_certification
from courses.demo.reports import seed_reports_demo
from courses.demo.road import seed_road_demo
from courses.demo.seeders import (
    DEMO_PASSWORD,
    DEMO_USERS,
    SeedContext,
    seed_catalog,
    seed_courses,
    seed_locales,
    seed_reference_data,
    seed_roles,
    seed_sectors,
    seed_users,
)
from lms.public_url import public_url

SEEDERS = [
    seed_locales,
    seed_reference_data,
    seed_catalog,
    seed_sectors,
    seed_roles,
    seed_users,
    seed_courses,
]
# Competency standards, issuers and programs; then the courses that lead to them.
SEEDERS += [seed_certification_demo, seed_course_certification]
# A quiz and a rubric assessment in the publishing course.
SEEDERS += [seed_assessments_demo]
# English versions of the demo assessments.
SEEDERS += [seed_assessments_english]
# Each program's road: assessments aligned to units, one per kind of evidence.
SEEDERS += [seed_road_demo]
# Issuer keys and two demo credentials (one valid, one revoked) to verify.
SEEDERS += [seed_credentials_demo]
# The reports' summary, with the demo learners' optional profile fields.
SEEDERS += [seed_reports_demo]
# Page-by-page log lines from Wagtail and the task runner drown the summary.
QUIET_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def _quiet_logs(verbosity: int):
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    if verbosity < 2:
        for logger in loggers:
            logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Carga el catálogo de demostración, los roles y los usuarios de prueba."

    def handle(self, *args, **options):
        context = SeedContext()
        with _quiet_logs(options["verbosity"]), transaction.atomic():
            for seeder in SEEDERS:
                try:
                    seeder(context)
                except Exception as error:
                    raise CommandError(
                        f"seed_demo: {seeder.__name__} failed: {error}"
                    ) from error
        self._print_summary(context)

    def _print_summary(self, context: SeedContext) -> None:
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        kinds = dict.fromkeys(kind for kind, _ in context.tally)
        for kind in kinds:
            outcomes = ", ".join(
                f"{count} {outcome}"
                for (name, outcome), count in context.tally.items()
                if name == kind
            )
            self.stdout.write(f"  {kind}: {outcomes}")
        self.stdout.write("")
        self.stdout.write(f"Site: {public_url('/')}  (admin: {public_url('/admin/')})")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for spec in DEMO_USERS:
            self.stdout.write(
                f"  {spec.email:<38} user {spec.username:<18} {spec.role}"
            )
        credentials = getattr(context, "demo_credentials", [])
        if credentials:
            self.stdout.write("Demo certificates to verify:")
        for username, public_id, status in credentials:
            self.stdout.write(
                f"  {public_url(f'/verify/{public_id}/')}  ({username}, {status})"
            )
        stale = [pid for _user, pid, _status in credentials if not _issued_here(pid)]
        if stale:
            self.stdout.write(
                self.style.WARNING(
                    f"  {len(stale)} demo certificate(s) were signed for another "
                    f"address than LMS_PUBLIC_URL ({public_url('/')}); their QR "
                    "codes point there. Start from a fresh database to reissue them."
                )
            )


def _issued_here(public_id: str) -> bool:
    """Whether the credential's signed JSON names the configured address."""
    import json

    from certification.issuance.storage import artefact_read
    from certification.models import Credential

    credential = Credential.objects.get(public_id=public_id)
    try:
        document = json.loads(artefact_read(credential.json_file))
    except (OSError, ValueError):
        return True
    return str(document.get("id", "")).startswith(public_url("/"))
