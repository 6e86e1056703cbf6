"""The learner side of content plugins: the unpacked package's files, served
only to people allowed to play it on a page, and the endpoint the player
posts its state to.

Who may play is asked of the ``content_may_play`` Wagtail hooks (each
``fn(user, item, page_id) -> bool``); the courses layer registers one
answering for lessons a learner is enrolled in. Nobody is allowed when no
hook says yes.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST
from wagtail import hooks

from plugins.content import content_completed, content_finished, content_plugin
from plugins.models import ContentItem, ContentProgress
from plugins.storage import private_storage

#: The package runs in a frame of the site: its own scripts and styles, inline
#: ones included (authoring tools write them), but nothing from elsewhere.
PACKAGE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "media-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)


def may_play(user, item: ContentItem, page_id: int) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(fn(user, item, page_id) for fn in hooks.get_hooks("content_may_play"))


def _allowed(request, item_id: int, page_id: int) -> ContentItem:
    item = get_object_or_404(ContentItem, pk=item_id)
    if not may_play(request.user, item, page_id):
        raise PermissionDenied
    return item


@require_GET
@login_required
@xframe_options_sameorigin
def content_file(request, item_id: int, page_id: int, path: str):
    item = _allowed(request, item_id, page_id)
    normal = posixpath.normpath(path)
    if normal.startswith(("..", "/")) or "\\" in path or "\x00" in path:
        raise Http404
    name = f"{item.storage_prefix}/{normal}"
    if not private_storage.exists(name):
        raise Http404
    content_type, encoding = mimetypes.guess_type(normal)
    response = FileResponse(
        private_storage.open(name, "rb"),
        content_type=content_type or "application/octet-stream",
    )
    if encoding:
        response.headers["Content-Encoding"] = encoding
    response.headers["Content-Security-Policy"] = PACKAGE_CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


def player_urls(request, item: ContentItem, page_id: int) -> dict:
    """The ``urls`` a plugin's ``render`` receives."""
    args = {"item_id": item.pk, "page_id": page_id}
    urls = {
        "state": reverse("plugins:content_state", kwargs=args),
        "frame": reverse("plugins:content_player", kwargs=args),
        "state_id": f"content-state-{item.pk}",
        "csrf": get_token(request),
        **args,
    }
    if "launch" in item.config:  # packaged content
        urls["launch"] = reverse(
            "plugins:content_file", kwargs={**args, "path": item.config["launch"]}
        ).replace("%3F", "?")
    return urls


def player_html(request, item: ContentItem, page_id: int) -> str:
    plugin = content_plugin(item.plugin_id)
    progress = ContentProgress.objects.filter(
        learner=request.user, item=item, page_id=page_id
    ).first()
    return plugin.render(
        config=item.config,
        state=progress.state if progress else {},
        urls=player_urls(request, item, page_id),
    )


@require_GET
@login_required
@xframe_options_sameorigin
def content_player(request, item_id: int, page_id: int):
    """The player as a page of its own, for plugins whose ``framed`` is set."""
    item = _allowed(request, item_id, page_id)
    if content_plugin(item.plugin_id) is None:
        raise Http404
    response = render(
        request,
        "plugins/content_frame.html",
        {"item": item, "player": mark_safe(player_html(request, item, page_id))},
    )
    response.headers["Content-Security-Policy"] = PACKAGE_CSP
    return response


def _fail(reason: str):
    return JsonResponse(
        {"result": False, "errorCode": 101, "reason": reason}, status=400
    )


@require_POST
@login_required
def content_state(request, item_id: int, page_id: int):
    """Store the learner's state (JSON body); answer as scorm-again expects."""
    item = _allowed(request, item_id, page_id)
    plugin = content_plugin(item.plugin_id)
    if plugin is None:
        return _fail("content plugin not installed")
    if not plugin.state_from_player:
        return _fail("this content reports its results itself")
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _fail("body is not JSON")
    try:
        state = plugin.clean_state(config=item.config, data=data)
    except ValidationError as exc:
        return _fail(" ".join(exc.messages))
    result = plugin.result(config=item.config, state=state)
    progress_record(
        learner=request.user, item=item, page_id=page_id, state=state, result=result
    )
    return JsonResponse({"result": True, "errorCode": 0})


def progress_record(*, learner, item: ContentItem, page_id: int, state, result):
    """Keep ``state``; the first completed result completes (signal), and a
    passing one gives evidence for the item's units (source: the progress)."""
    from certification.models import EvidenceSource
    from certification.services import evidence_record

    plugin = content_plugin(item.plugin_id)
    with transaction.atomic():
        progress, _created = ContentProgress.objects.select_for_update().get_or_create(
            learner=learner, item=item, page_id=page_id
        )
        newly_completed = result.completed and not progress.completed
        passed = result.passed_with(item.pass_mark)
        newly_passed = passed and not progress.passed
        progress.state = state
        if result.score is not None:
            progress.score = result.score
        if result.completed:
            progress.completed = True
            progress.completed_at = progress.completed_at or timezone.now()
        progress.passed = progress.passed or passed
        progress.save()
        if newly_passed:
            for unit in item.units.all():
                evidence_record(
                    learner=learner,
                    unit=unit,
                    source_kind=EvidenceSource.CONTENT,
                    source_id=progress.pk,
                    kind=plugin.evidence_kind,
                    assessed_at=timezone.now(),
                )
    if newly_completed and result.passed is not False:
        content_completed.send(
            sender=ContentItem,
            learner=learner,
            item=item,
            page_id=page_id,
            result=result,
        )
    if newly_completed:
        content_finished.send(
            sender=ContentItem,
            learner=learner,
            item=item,
            page_id=page_id,
            result=result,
        )
    return progress
