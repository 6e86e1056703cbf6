from django.urls import path

from . import content_views, views

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
    path(
        "content/<int:item_id>/<int:page_id>/state/",
        content_views.content_state,
        name="content_state",
    ),
    path(
        "content/<int:item_id>/<int:page_id>/player/",
        content_views.content_player,
        name="content_player",
    ),
    path(
        "content/<int:item_id>/<int:page_id>/files/<path:path>",
        content_views.content_file,
        name="content_file",
    ),
]
