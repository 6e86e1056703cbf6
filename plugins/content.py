"""The lesson content plugin contract (entry-point group ``lms.content``).

A content plugin plays a package a trainer uploaded (a SCORM package, an H5P
activity) inside a lesson, and tells the core what the learner's saved state
means: completed or not, and a score where the package has one. As with
assessments, the core owns storage: it checks the zip before anything is
unpacked (``plugins.packages``), keeps the unpacked files privately, serves
them only to people allowed to play them, keeps each learner's state, turns a
passing result into evidence for the units the content is aligned to, and
completes the lesson. A plugin only reads a package and a state.

The life of a package, and which method the core calls at each step::

    trainer uploads the zip     inspect(names, read)          -> config
                                (ValidationError: the upload form shows it)
    (no package: packaged=False) configure(cleaned_data)      -> config
                                (config_form filled by the trainer)
    learner opens the lesson    render(config, state, urls)   -> HTML player
    the player saves its state  clean_state(config, data)     -> state
                                result(config, state)         -> ContentResult

Every method is a pure function of its arguments, as in ``AssessmentPlugin``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.dispatch import Signal
from django.utils.module_loading import import_string

from plugins.registry import (
    EVIDENCE_KINDS,
    DeclaredAppConfig,
)

#: Sent when a learner's state first gives a completed result for content
#: played on a page: ``learner``, ``item`` (a ``ContentItem``), ``page_id``,
#: ``result`` (a ``ContentResult``). The courses layer completes the lesson.
content_completed = Signal()

#: Sent when a learner's state first gives a completed result, whatever its
#: verdict (after ``content_completed``, which a failure does not send):
#: ``learner``, ``item``, ``page_id``, ``result``. Reporting (xAPI) uses it.
content_finished = Signal()


@dataclass(frozen=True)
class ContentResult:
    """What a learner's state means. ``score`` is a percentage (0-100) or
    ``None`` when the package reports none; ``passed`` is ``None`` when the
    package gives no verdict (then the item's pass mark decides, if there is
    a score)."""

    completed: bool
    score: float | None = None
    passed: bool | None = None

    def passed_with(self, pass_mark: int) -> bool:
        if self.passed is not None:
            return self.passed
        return self.score is not None and self.score >= pass_mark

    def as_dict(self) -> dict:
        return {"completed": self.completed, "score": self.score, "passed": self.passed}


class ContentPlugin(ABC):
    """One kind of lesson content. Subclass it, fill the class attributes and
    the four abstract methods; the plugin's ``AppConfig`` (a subclass of
    :class:`ContentPluginConfig`) names the subclass."""

    #: Stable identifier stored in ``ContentItem.plugin_id``; never change it.
    id: ClassVar[str]
    #: Name shown to trainers (translated).
    name: ClassVar[str]
    #: One sentence for the trainer choosing what to upload.
    description: ClassVar[str] = ""
    #: File name endings the upload form accepts (``(".zip",)``).
    extensions: ClassVar[tuple[str, ...]] = (".zip",)
    #: The evidence kind a passing result gives for the aligned units.
    evidence_kind: ClassVar[str] = "knowledge"
    #: ``True``: the player's HTML is served as a page of its own, framed in
    #: the lesson and under the package's Content-Security-Policy (for players
    #: that write inline scripts, which the site's own pages refuse).
    framed: ClassVar[bool] = False
    #: ``False`` for content with no uploaded package (an external tool): the
    #: trainer fills ``config_form`` instead, ``configure`` turns it into the
    #: ``config``, and ``inspect`` is never called.
    packaged: ClassVar[bool] = True
    #: ``False`` when the state never comes from the learner's browser (an
    #: external tool reports it to an endpoint of the plugin's own): the core
    #: state endpoint then refuses what a player posts.
    state_from_player: ClassVar[bool] = True
    #: For ``packaged = False``: the Django form (plain ``forms.Form``) the
    #: trainer fills; its fields show in the content form, named
    #: ``<plugin id>-<field>``.
    config_form: ClassVar[type | None] = None

    def configure(self, *, cleaned_data: dict) -> dict:
        """For ``packaged = False``: the JSON-serialisable ``config`` from the
        valid ``config_form``'s ``cleaned_data``; ``ValidationError`` with a
        message for the trainer."""
        raise NotImplementedError

    def config_initial(self, *, config: dict) -> dict:
        """For ``packaged = False``: the ``config_form`` initial values that
        give back ``config`` (when a trainer edits the item)."""
        return dict(config)

    @abstractmethod
    def inspect(self, *, names: list[str], read: Callable[[str], bytes]) -> dict:
        """Validate a package the core has already checked for safety
        (``names``: its file paths; ``read(name)``: one file's bytes) and
        return its JSON-serialisable ``config`` (must hold ``"launch"``, the
        path of the file to open). Raise ``ValidationError`` with a message a
        trainer understands for a package that cannot be played."""

    @abstractmethod
    def render(self, *, config: dict, state: dict, urls: dict) -> str:
        """HTML of the player. ``urls``: ``launch`` (the package's launch
        file), ``state`` (where to POST the state as JSON, with the CSRF
        header ``X-CSRFToken`` = ``urls["csrf"]``) and ``static`` (prefix of
        static files). ``state`` is the learner's saved state, to resume."""

    @abstractmethod
    def clean_state(self, *, config: dict, data) -> dict:
        """The state to store from the JSON the player posted; raise
        ``ValidationError`` for anything the player could not have sent."""

    @abstractmethod
    def result(self, *, config: dict, state: dict) -> ContentResult:
        """What ``state`` means: completed, score, verdict."""


class ContentPluginConfig(DeclaredAppConfig):
    """Base ``AppConfig`` of every content plugin; carries ``LMSPluginMeta``
    like assessment plugins (name, author, version, compatibility)."""

    kind = "Content plugin"
    default = False  # a base: its subclasses are the candidates
    needs_plugin = True

    def ready(self):
        plugin_class = self.plugin_class()
        if not (
            isinstance(plugin_class, type) and issubclass(plugin_class, ContentPlugin)
        ):
            raise ImproperlyConfigured(
                f"Content plugin '{self.name}': {self.plugin} is not a "
                "ContentPlugin subclass."
            )
        if getattr(plugin_class, "__abstractmethods__", None):
            missing = ", ".join(sorted(plugin_class.__abstractmethods__))
            raise ImproperlyConfigured(
                f"Content plugin '{self.name}' does not implement: {missing}."
            )
        if not plugin_class.packaged and (
            plugin_class.config_form is None
            or plugin_class.configure is ContentPlugin.configure
        ):
            raise ImproperlyConfigured(
                f"Content plugin '{self.name}': packaged = False needs "
                "config_form and configure()."
            )
        if plugin_class.evidence_kind not in EVIDENCE_KINDS:
            raise ImproperlyConfigured(
                f"Content plugin '{self.name}': evidence_kind "
                f"{plugin_class.evidence_kind!r} is not one of "
                f"{', '.join(EVIDENCE_KINDS)}."
            )

    def plugin_class(self) -> type[ContentPlugin]:
        try:
            return import_string(self.plugin)
        except ImportError as exc:
            raise ImproperlyConfigured(
                f"Content plugin '{self.name}': cannot import {self.plugin}: {exc}"
            ) from exc


@cache
def content_plugins() -> dict[str, ContentPlugin]:
    """Every installed content plugin by id."""
    found: dict[str, ContentPlugin] = {}
    for config in apps.get_app_configs():
        if isinstance(config, ContentPluginConfig):
            instance = config.plugin_class()()
            if instance.id in found:
                raise ImproperlyConfigured(
                    f"Content plugin id '{instance.id}' is used by two apps."
                )
            found[instance.id] = instance
    return found


def content_plugin(plugin_id: str) -> ContentPlugin | None:
    return content_plugins().get(plugin_id)
