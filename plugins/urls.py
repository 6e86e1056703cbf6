from django.urls import path

from . import views

app_name = "plugins"

urlpatterns = [
    path("<int:assessment_id>/", views.assessment_page, name="take"),
    path("<int:assessment_id>/start/", views.start, name="start"),
    path("attempts/<int:attempt_id>/submit/", views.submit, name="submit"),
    path(
        "attempts/<int:attempt_id>/acknowledge/",
        views.acknowledge,
        name="acknowledge",
    ),
    path("files/<int:file_id>/", views.attempt_file, name="attempt_file"),
]
