"""Writing the audit log. Every layer calls ``audit_record``; nothing edits it."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder

from lms.audit.context import current
from lms.audit.models import AuditEntry

_UNSET = object()


def _jsonable(value) -> dict:
    return json.loads(json.dumps(value or {}, cls=DjangoJSONEncoder, default=str))


def _actor_name(actor) -> str:
    if actor is None:
        return ""
    name = getattr(actor, "display_name", None) or str(actor)
    return f"{name} ({actor.username})"[:200]


def audit_record(
    *,
    action: str,
    obj=None,
    actor=_UNSET,
    country: str = "",
    before: dict | None = None,
    after: dict | None = None,
    object_type: str = "",
    object_id: str | int = "",
) -> AuditEntry:
    """Append one entry. ``actor`` defaults to the request's user (None in
    commands and tasks); the address always comes from the request, if any."""
    entry = audit_entry(
        action=action,
        obj=obj,
        actor=actor,
        country=country,
        before=before,
        after=after,
        object_type=object_type,
        object_id=object_id,
    )
    entry.save()
    return entry


def audit_record_many(entries: list[AuditEntry]) -> None:
    """Append entries built by ``audit_entry`` in one insert (bulk issuance)."""
    AuditEntry.objects.bulk_create(entries)


def _request_actor(context):
    if context is None or context.user_id is None:
        return None
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=context.user_id).first()


def audit_entry(
    *,
    action: str,
    obj=None,
    actor=_UNSET,
    country: str = "",
    before: dict | None = None,
    after: dict | None = None,
    object_type: str = "",
    object_id: str | int = "",
) -> AuditEntry:
    """An unsaved entry (see ``audit_record``)."""
    context = current()
    if actor is _UNSET:
        actor = _request_actor(context)
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    return AuditEntry(
        actor_id=getattr(actor, "pk", None),
        actor_name=_actor_name(actor),
        action=action,
        object_type=object_type,
        object_id=str(object_id or ""),
        object_repr=str(obj)[:300] if obj is not None else "",
        country=country or "",
        before=_jsonable(before),
        after=_jsonable(after),
        address=context.address if context is not None else None,
    )
