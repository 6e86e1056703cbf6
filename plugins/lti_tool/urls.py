from django.urls import path

from . import views

app_name = "lti_tool"

urlpatterns = [
    path("login/", views.login_initiation, name="login"),
    path("launch/", views.launch, name="launch"),
    path("jwks/", views.jwks_view, name="jwks"),
    path("deep-linking/", views.deep_link_response, name="deep_link"),
]
