"""Renderers: how each kind of notification becomes an e-mail.

The layer that records a kind registers its renderer in its ``AppConfig.ready``
(``renderer_register("credential_issued", render)``). A renderer takes the
``Notification`` and returns the ``EmailMessage`` to send, or ``None`` when
there is nothing to announce any more (the credential was revoked meanwhile);
it reads the database and storage but changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

Renderer = Callable[..., EmailMessage | None]
_renderers: dict[str, Renderer] = {}


def renderer_register(kind: str, renderer: Renderer) -> None:
    if _renderers.get(kind, renderer) is not renderer:
        raise ImproperlyConfigured(f"Two renderers for notification kind '{kind}'.")
    _renderers[kind] = renderer


def renderer_get(kind: str) -> Renderer:
    try:
        return _renderers[kind]
    except KeyError:
        raise ImproperlyConfigured(
            f"No renderer registered for notification kind '{kind}'."
        ) from None
