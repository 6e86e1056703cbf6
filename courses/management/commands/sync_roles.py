"""``manage.py sync_roles``: create or repair the editorial groups, their page
permissions and the moderation workflow (see ``courses.roles``)."""

from django.core.management.base import BaseCommand

from courses.roles import roles_sync


class Command(BaseCommand):
    help = "Crea o repara los grupos, permisos y el flujo de moderación."

    def handle(self, *args, **options):
        summary = roles_sync()
        for name in summary.groups:
            self.stdout.write(f"  {name}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(summary.groups)} groups; workflow: {summary.workflow.name}"
            )
        )
