"""Errors of the JSON API as RFC 9457 problem details.

Every error answer under ``/api/`` is ``application/problem+json`` with
``type``, ``title``, ``status`` and ``detail`` (plus extension members such as
``retry_after`` or ``errors``). The API answers its own errors this way; the
middleware turns whatever else reaches a client (Django's 404 and 500 pages, a
405 from the router, an exception outside the API's handlers) into the same.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus

from django.http import HttpResponse

PROBLEM_JSON = "application/problem+json"
API_PREFIXES = ("/api/",)
logger = logging.getLogger("django.request")


def problem(status: int, detail: str = "", **extensions) -> dict:
    """The problem document of an HTTP ``status`` (``type`` about:blank: the
    title is the status's phrase)."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    document = {"type": "about:blank", "title": title, "status": status}
    document["detail"] = detail or title
    document.update(extensions)
    return document


def problem_response(status: int, detail: str = "", **extensions) -> HttpResponse:
    body = json.dumps(problem(status, detail, **extensions), ensure_ascii=False)
    return HttpResponse(body, status=status, content_type=PROBLEM_JSON)


def is_api(request) -> bool:
    return request.path.startswith(API_PREFIXES)


class ApiProblemMiddleware:
    """Answer every error under ``/api/`` as problem details (keeping the
    original status and headers such as ``Allow`` and ``Retry-After``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_api(request) and response.status_code >= 400:
            self._as_problem(response)
        return response

    def process_exception(self, request, exception):
        if not is_api(request):
            return None
        from django.core.exceptions import PermissionDenied
        from django.http import Http404

        if isinstance(exception, Http404):
            return problem_response(404)
        if isinstance(exception, PermissionDenied):
            return problem_response(403)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return problem_response(500, "the server could not answer this request")

    @staticmethod
    def _as_problem(response) -> None:
        if response.get("Content-Type", "").startswith(PROBLEM_JSON):
            return
        if getattr(response, "streaming", False):
            return
        extensions = {}
        if response.get("Content-Type", "").startswith("application/json"):
            try:
                extensions = json.loads(response.content)
            except ValueError:
                extensions = {}
            if not isinstance(extensions, dict):
                extensions = {}
        detail = extensions.pop("detail", "")
        extensions = {
            key: value
            for key, value in extensions.items()
            if key not in {"type", "title", "status"}
        }
        if not isinstance(detail, str):
            extensions["errors"], detail = detail, ""
        document = problem(response.status_code, detail, **extensions)
        response.content = json.dumps(document, ensure_ascii=False)
        response["Content-Type"] = PROBLEM_JSON
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
