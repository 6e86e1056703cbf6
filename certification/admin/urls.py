from django.urls import path, re_path

from certification.admin import evidence, interchange_views

urlpatterns = [
    path("evidence/pending/", evidence.evidence_pending, name="evidence_pending"),
    path(
        "evidence/<int:pk>/confirm/",
        evidence.evidence_confirm_view,
        name="evidence_confirm",
    ),
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
