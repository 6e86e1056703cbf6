from django.urls import path, re_path

from certification.admin import interchange_views

urlpatterns = [
    path(
        "standards/import/",
        interchange_views.standards_import_view,
        name="standards_import",
    ),
    re_path(
        r"^standards/export\.(?P<fmt>csv|xlsx)$",
        interchange_views.standards_export_view,
        name="standards_export",
    ),
]
