from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "courses.reports"
    label = "reports"
    verbose_name = _("Informes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from certification.api.api import api

        from .api import router

        api.add_router("/reports/", router)
