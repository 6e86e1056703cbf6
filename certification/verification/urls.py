"""``/verify/`` (inside i18n_patterns: Spanish at /verify/, English at /en/verify/)."""

from django.urls import path

from . import views

app_name = "verification"

urlpatterns = [
    path("", views.verify_home, name="home"),
    path("upload/", views.verify_upload, name="upload"),
    path("json/", views.verify_json, name="json"),
    path("mine/", views.my_verifications, name="mine"),
    path("<str:public_id>/", views.verify_detail, name="detail"),
    path("<str:public_id>/holder/", views.verify_holder_email, name="holder_email"),
]
