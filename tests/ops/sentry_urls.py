"""A URL configuration with one view that fails, for the Sentry test only."""

from django.urls import path


def failing_view(request):
    raise RuntimeError("sentry probe: a view that fails")


urlpatterns = [path("fails/", failing_view)]
