from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("export/<slug:key>.<str:fmt>", views.export_view, name="export"),
    path("open-data/<str:code>.<str:fmt>", views.open_data_view, name="open_data"),
]
