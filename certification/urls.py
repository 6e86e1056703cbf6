from django.urls import path

from certification import views

app_name = "certification"

urlpatterns = [
    path("record/", views.competency_record_view, name="record"),
    path(
        "programs/<slug:code>/apply/",
        views.program_apply_view,
        name="program_apply",
    ),
]
