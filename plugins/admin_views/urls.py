from django.urls import path

from plugins.admin_views import assessments, queue

app_name = "plugins_admin"

urlpatterns = [
    path("", assessments.index, name="assessment_index"),
    path("new/<slug:plugin_id>/", assessments.create, name="assessment_create"),
    path("<int:pk>/", assessments.edit, name="assessment_edit"),
    path("<int:pk>/history/", assessments.history, name="assessment_history"),
    path(
        "<int:pk>/revisions/<int:revision_id>/publish/",
        assessments.publish,
        name="assessment_publish",
    ),
    path("queue/", queue.queue, name="grading_queue"),
    path("queue/<int:pk>/", queue.grade, name="grade_attempt"),
    path("queue/<int:pk>/claim/", queue.claim, name="claim_attempt"),
    path("queue/<int:pk>/assign/", queue.assign, name="assign_attempt"),
]
