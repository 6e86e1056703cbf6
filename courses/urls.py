from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("courses/<int:page_id>/enrol/", views.enrol, name="enrol"),
    path("courses/<int:page_id>/unenrol/", views.unenrol, name="unenrol"),
    path(
        "lessons/<int:page_id>/complete/", views.complete_lesson, name="complete_lesson"
    ),
]
