"""Mounted at ``/api/v1/`` outside i18n_patterns."""

from django.urls import path

from .api import api

urlpatterns = [path("", api.urls)]
