from django.urls import path

from . import views

app_name = "lti_platform"

urlpatterns = [
    path("launch/<int:item_id>/<int:page_id>/", views.launch, name="launch"),
    path("auth", views.auth, name="auth"),
    path("token", views.token, name="token"),
    path("jwks", views.jwks, name="jwks"),
    path("ags/<int:item_id>/<int:page_id>/lineitem", views.lineitem, name="lineitem"),
    path(
        "ags/<int:item_id>/<int:page_id>/lineitem/scores", views.scores, name="scores"
    ),
]
