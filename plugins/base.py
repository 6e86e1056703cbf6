"""The assessment plugin contract.

An assessment plugin is a Django app (see ``plugins.registry.PluginConfig``)
that names one subclass of :class:`AssessmentPlugin`. The core owns storage:
it keeps the assessment's JSON ``config``, the learner's attempts, their
uploaded files and every grade. A plugin only turns forms into JSON, JSON into
HTML, and a response into a :class:`Score`; it never writes to the database
and never imports course models.

The life of an attempt, and which method the core calls at each step::

    trainer saves the assessment    authoring_form(...).cleaned_data -> config
    learner starts an attempt       prepare(config, rng)              -> attempt config
    learner sees the assessment     render(config=attempt config)     -> HTML inputs
    learner submits                 clean_response(config, data, files) -> response
      (FixableError) form again     render(config, data=..., errors=...) -> HTML inputs
    core grades                     grade(config, response)           -> Score | None
    (None) an assessor grades       grading_form(config, response, data, files).score()

Five methods are required (``authoring_form``, ``render``, ``clean_response``,
``grade``, ``grading_form``); ``prepare`` and ``render_result`` have
sensible defaults. A stranger should be able to hold the whole contract in
their head: see ``plugins/README.md`` for a complete worked example.
"""

from __future__ import annotations

import inspect
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Score:
    """The outcome of grading one attempt.

    ``points`` out of ``max_points``; ``passed`` is ``None`` when the pass
    mark of the assessment decides (``percent >= pass_mark``), or a verdict
    when the plugin judges competence itself (e.g. every criterion competent).
    ``feedback`` is shown to the learner; ``items`` carries per-question or
    per-criterion feedback for ``render_result``; ``criteria`` maps criterion
    keys of the config to ``True`` (competent) or ``False`` (not yet).
    """

    points: float
    max_points: float
    passed: bool | None = None
    feedback: str = ""
    items: dict[str, Any] = field(default_factory=dict)
    criteria: dict[str, bool] = field(default_factory=dict)

    @property
    def percent(self) -> float:
        if not self.max_points:
            return 100.0 if self.passed else 0.0
        return round(100 * self.points / self.max_points, 2)

    def as_dict(self) -> dict:
        return {
            "points": self.points,
            "max_points": self.max_points,
            "passed": self.passed,
            "feedback": self.feedback,
            "items": self.items,
            "criteria": self.criteria,
        }


#: ``code`` of every message of a :class:`FixableError`.
FIXABLE = "fixable"


class FixableError(ValidationError):
    """A submission the learner can put right in the form: an empty answer, a
    file of a format or size not accepted, too many files, a link that is not
    a web address. The core shows the form again with the message (next to
    ``field`` when the plugin's ``render`` shows errors, above the inputs in
    any case), keeps what was typed and stores nothing.

    Anything else ``clean_response`` raises as a plain ``ValidationError`` is
    taken for a submission the rendered form could not have produced (unknown
    fields, forged option ids) and answered with a 400 page giving the reason.

    ``FixableError("Escriba su respuesta.", field="text")`` names one field
    (``None``: the whole form);
    ``FixableError({"text": "...", "files": ["...", "..."]})`` several at once.
    """

    def __init__(self, message, *, field: str | None = None, params=None):
        if not isinstance(message, dict):
            message = {field or NON_FIELD_ERRORS: message}
        super().__init__(
            {
                key or NON_FIELD_ERRORS: [
                    ValidationError(text, code=FIXABLE, params=params)
                    for text in (texts if isinstance(texts, list | tuple) else [texts])
                ]
                for key, texts in message.items()
            }
        )

    @property
    def errors(self) -> dict[str, list[str]]:
        """Messages by field name; ``"__all__"`` for the whole form."""
        return self.message_dict


def fixable_errors(exc: ValidationError) -> dict[str, list[str]] | None:
    """``{field: [message, ...]}`` when every message of ``exc`` is one the
    learner can put right (a :class:`FixableError`, or any message raised
    with ``code=FIXABLE``); ``None`` otherwise."""
    if hasattr(exc, "error_dict"):
        groups = exc.error_dict
    else:
        groups = {NON_FIELD_ERRORS: exc.error_list}
    if not all(error.code == FIXABLE for errors in groups.values() for error in errors):
        return None
    return {
        name: [message for error in errors for message in error.messages]
        for name, errors in groups.items()
    }


class GradingForm(forms.Form):
    """Base of every assessor grading form: after ``is_valid()``, ``score()``
    turns the cleaned data into the :class:`Score` the core stores. The
    ``feedback`` field is the comment the learner reads."""

    feedback = forms.CharField(
        label=_("Retroalimentación para el participante"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args, config: dict, response: dict, **kwargs):
        self.config = config
        self.response = response
        super().__init__(*args, **kwargs)

    def score(self) -> Score:
        raise NotImplementedError


class AssessmentPlugin(ABC):
    """One kind of assessment. Subclass it, fill the class attributes and the
    five abstract methods; the plugin's ``AppConfig`` names the subclass.

    Every method is a pure function of its arguments: none may touch the
    database, the request's session or the filesystem, and none may keep
    state on ``self`` between calls (one instance serves every request).
    """

    #: Stable identifier stored in ``Assessment.plugin_id``; never change it.
    id: ClassVar[str]
    #: Name shown to trainers and assessors (translated).
    name: ClassVar[str]
    #: One sentence for the trainer choosing a kind of assessment.
    description: ClassVar[str] = ""
    #: MIME type prefixes the core accepts for uploads in ``clean_response``
    #: and the grading form (checked from the file content, not its name).
    #: Empty: this plugin takes no files.
    allowed_file_types: ClassVar[tuple[str, ...]] = ()
    #: The kind of evidence a passed attempt gives for the units and criteria
    #: the assessment is aligned to: "knowledge" (what the candidate knows),
    #: "product" (something they made, judged by an assessor) or "performance"
    #: (work an assessor observed). A program whose unit asks for observed
    #: performance is never certified by knowledge evidence alone.
    evidence_kind: ClassVar[str] = "knowledge"

    # --- authoring ---------------------------------------------------------

    @abstractmethod
    def authoring_form(self, *, data=None, initial: dict | None = None) -> forms.Form:
        """The trainer's form. ``initial`` is the current config when editing.
        Its ``cleaned_data`` must be JSON-serialisable: the core stores it,
        unchanged, as the assessment's ``config``."""

    def prepare(self, *, config: dict, rng: random.Random) -> dict:
        """The config of one attempt, fixed when the learner starts it (draw
        questions from a bank, shuffle options). Stored on the server with the
        attempt; every later call for that attempt receives it. Default: the
        assessment's config unchanged. Must not modify ``config``."""
        return config

    # --- the learner -------------------------------------------------------

    @abstractmethod
    def render(self, *, config: dict, data=None, errors=None) -> str:
        """HTML of the learner's inputs (the core adds the ``<form>``, the CSRF
        token and the submit button). It must never contain answer keys,
        accepted answers, points per option or assessor-only notes: whatever
        is in this HTML, the learner can read.

        After a :class:`FixableError` the core calls it again with ``data``,
        the refused submission (a QueryDict, as ``clean_response`` got it), to
        fill the inputs with what the learner typed or chose, and ``errors``
        (``{field: [message, ...]}``) to show next to those fields. Browsers
        never refill a file input: next to one, ask to choose the file again.
        Both are optional for plugins: a ``render`` that does not accept them
        is called with ``config`` alone (see :func:`render_inputs`)."""

    @abstractmethod
    def clean_response(self, *, config: dict, data, files) -> dict:
        """Validate a submission (``data`` a QueryDict of the POST, ``files``
        its uploaded files) and return the response to store. Raise
        :class:`FixableError` for what the learner can put right in the form
        (an empty answer, too many files, a bad link) and a plain
        ``django.core.exceptions.ValidationError`` with a reason the learner
        can read for anything the rendered form could not have produced:
        unknown option ids, missing or extra fields. Uploaded
        files may be returned inside the response; the core checks their size
        and type, stores them privately and replaces them with references.
        Must not modify state."""

    @abstractmethod
    def grade(self, config: dict, response: dict) -> Score | None:
        """Grade a cleaned response. Pure: same input, same score, nothing
        written anywhere. Return ``None`` when a person must grade it through
        :meth:`grading_form`."""

    def render_result(self, *, config: dict, response: dict, result: dict) -> str:
        """HTML shown to the learner once the attempt is graded (``result``
        is the stored :meth:`Score.as_dict`). Default: nothing beyond the core's
        score and feedback. May reveal correct answers only here, after
        submission, and only when the plugin's config allows it."""
        return ""

    # --- the assessor ------------------------------------------------------

    @abstractmethod
    def grading_form(
        self, *, config: dict, response: dict, data=None, files=None
    ) -> GradingForm:
        """The assessor's form for one attempt; ``form.score()`` after
        validation gives the grade. Every plugin returns one, so the contract
        is the same for all (the queue lists only attempts whose ``grade``
        returned ``None``). Uploaded files in its cleaned data are stored by
        the core like response files."""

    def render_response(self, *, config: dict, response: dict) -> str:
        """HTML of the learner's response for the assessor (and the learner's
        own view of it). Default: a generic listing."""
        return render_to_string(
            "plugins/includes/generic_response.html", {"response": response}
        )


def render_inputs(
    plugin: AssessmentPlugin, *, config: dict, data=None, errors=None
) -> str:
    """``plugin.render``, given ``data`` and ``errors`` only when it accepts
    them: plugins written before they were part of the contract take
    ``config`` alone and still work (the core shows the errors above their
    inputs)."""
    parameters = inspect.signature(plugin.render).parameters
    open_ended = any(p.kind is p.VAR_KEYWORD for p in parameters.values())
    extra = {
        name: value
        for name, value in (("data", data), ("errors", errors))
        if value is not None and (open_ended or name in parameters)
    }
    return plugin.render(config=config, **extra)
