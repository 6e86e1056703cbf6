from django.urls import path

from . import credentials as views

urlpatterns = [
    path("", views.credential_index, name="index"),
    path("approvals/", views.approval_queue_view, name="approvals"),
    path(
        "approvals/<int:eligibility_id>/reject/",
        views.approval_reject_view,
        name="approval_reject",
    ),
    path("queue/", views.issuance_queue_view, name="queue"),
    path(
        "queue/<str:public_id>/retry/",
        views.issuance_retry_view,
        name="queue_retry",
    ),
    path("bulk/", views.bulk_issue, name="bulk"),
    path("bulk/<str:token>/", views.bulk_progress_view, name="bulk_progress"),
    path(
        "bulk/<str:token>/progress.json",
        views.bulk_progress_json,
        name="bulk_progress_json",
    ),
    path("<str:public_id>/", views.credential_detail, name="detail"),
]
