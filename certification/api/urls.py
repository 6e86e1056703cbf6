"""Mounted at ``/api/v1/`` outside i18n_patterns."""

from django.urls import path, re_path

from lms.web.problems import problem_response

from .api import api


def unknown(request, rest: str = ""):
    """Any other path under the API: a 404 problem, never the site's page (nor
    a redirect to the same path with a slash)."""
    return problem_response(404, "no such endpoint")


urlpatterns = [path("", api.urls), re_path(r"^(?P<rest>.*)$", unknown)]
