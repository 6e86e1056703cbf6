from django.urls import path

from . import clr_views, views

app_name = "credentials"

urlpatterns = [
    path("mine/", views.my_certificates, name="mine"),
    path("mine/record.clr.json", clr_views.clr_download, name="clr"),
    path(
        "mine/<str:public_id>/download/<str:kind>/",
        views.credential_download,
        name="download",
    ),
    path(
        "mine/<str:public_id>/disclosure/",
        views.credential_disclosure,
        name="disclosure",
    ),
    path(
        "status/<str:issuer>/<str:purpose>/",
        views.status_list,
        name="status_list",
    ),
]
