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
    assessor reads the response     render_response(config, response) -> HTML
    learner sees the grade          render_result(config, response, result) -> HTML

Every method takes keyword arguments only. Five are required
(``authoring_form``, ``render``, ``clean_response``, ``grade``,
``grading_form``; their signatures are checked at start-up); ``prepare``,
``render_result``, ``render_response`` and ``contract_examples`` have
defaults. A stranger should be able to hold the whole contract in
their head: see ``plugins/README.md`` for a complete worked example.
"""

from __future__ import annotations

import inspect
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypedDict

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Choice:
    """One thing a trainer may pick: ``key`` is what a plugin stores in its
    config (``"pc:<id>"`` for a performance criterion, ``"unit:<id>"`` for a
    competency unit), ``label`` the text to show (in the active language)."""

    key: str
    label: str


@dataclass(frozen=True)
class UnitChoice(Choice):
    """A competency unit with its performance criteria."""

    criteria: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class AuthoringContext:
    """What the core's general fields of the assessment say, given to
    ``authoring_form`` read-only so a plugin can offer them as choices.

    ``units`` and ``criteria`` are the units and performance criteria the
    trainer aligned the assessment to (in the core form, as submitted when
    the form is posted, else as saved); ``sector`` the assessment's sector or
    ``None``. A new assessment has none until the trainer chooses them: the
    plugin's form then offers nothing to pick and may say so.
    """

    sector: Choice | None = None
    units: tuple[UnitChoice, ...] = ()
    criteria: tuple[Choice, ...] = ()

    def criteria_choices(self) -> list[tuple[str, str]]:
        """``(key, label)`` of the chosen criteria and of every criterion of
        the chosen units, without repeats, for a ``forms.ChoiceField``."""
        seen: dict[str, str] = {}
        for choice in [*self.criteria, *(c for u in self.units for c in u.criteria)]:
            seen.setdefault(choice.key, choice.label)
        return list(seen.items())


class ItemResult(TypedDict, total=False):
    """The usual shape of one value of ``Score.items`` (per question or per
    criterion). Any JSON value is allowed; these keys are the conventional
    ones: ``correct`` (an automatic answer was right), ``competent`` (an
    assessor judged the criterion met), ``comment`` (the assessor's words),
    ``level`` (the id of the rubric level chosen)."""

    correct: bool
    competent: bool
    comment: str
    level: str


class Result(TypedDict):
    """``result`` as ``render_result`` receives it: the stored
    :meth:`Score.as_dict` of the attempt's grade (JSON, read back from the
    database, so tuples are lists and keys strings)."""

    points: float
    max_points: float
    passed: bool | None
    feedback: str
    #: ``Score.items`` as the plugin (or its grading form) returned them.
    items: dict[str, Any]
    #: ``Score.criteria``: criterion key -> met.
    criteria: dict[str, bool]


@dataclass(frozen=True)
class Score:
    """The outcome of grading one attempt.

    ``points`` out of ``max_points``; ``passed`` is ``None`` when the pass
    mark of the assessment decides (``percent >= pass_mark``), or a verdict
    when the plugin judges competence itself (e.g. every criterion competent).
    ``feedback`` is shown to the learner; ``items`` carries per-question or
    per-criterion results for ``render_result``: a JSON-serialisable dict
    keyed by the plugin's own item ids (question or criterion id), each value
    usually an :class:`ItemResult`; the core stores it and never reads it.
    ``criteria`` maps criterion keys of the config to ``True`` (competent) or
    ``False`` (not yet); keys ``pc:<id>`` record evidence for that
    performance criterion.
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

    def as_dict(self) -> Result:
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


@dataclass(frozen=True)
class ExampleFile:
    """An upload in an :class:`ExampleResponse` (content sniffed by the core
    as it would be from a browser)."""

    name: str
    content: bytes
    content_type: str


@dataclass(frozen=True)
class ExampleResponse:
    """One submission as the learner's browser would post it.

    ``data`` maps input names to a value or a list of values (the POST);
    ``files`` input names to :class:`ExampleFile` lists. ``grading`` is the
    assessor's grading-form data when ``grade`` returns ``None`` (``None``
    when the plugin grades it itself). ``passed`` is the verdict the
    submission must get (with a pass mark of ``pass_mark`` %)."""

    data: dict[str, str | list[str]]
    passed: bool
    files: dict[str, list[ExampleFile]] = field(default_factory=dict)
    grading: dict[str, str | list[str]] | None = None


@dataclass(frozen=True)
class ContractExamples:
    """Example data a plugin declares (``contract_examples``) so that
    ``plugins.testing.assert_plugin_contract`` can run the whole round trip
    with it: author -> render -> submit -> grade -> result.

    - ``authoring``: the trainer's authoring-form POST (valid);
    - ``context``: the :class:`AuthoringContext` it is authored in;
    - ``secrets``: strings ``render`` must never show (answer keys, accepted
      answers, assessor notes); at least one when the config holds any;
    - ``passing`` / ``failing``: a submission that passes, one that does not;
    - ``fixable``: a submission the learner can put right (``clean_response``
      must raise :class:`FixableError`), or ``None`` when every submission
      the form can produce is acceptable (e.g. a request to be observed);
    - ``tampered``: a submission the form could not have produced (must
      raise a plain ``ValidationError``);
    - ``pass_mark``: the assessment's pass mark used for the verdicts.
    """

    authoring: dict[str, str | list[str]]
    passing: ExampleResponse
    failing: ExampleResponse
    secrets: tuple[str, ...] = ()
    context: AuthoringContext = field(default_factory=AuthoringContext)
    fixable: ExampleResponse | None = None
    tampered: dict[str, str | list[str]] = field(
        default_factory=lambda: {"tampered-field": "1"}
    )
    pass_mark: int = 70


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
    #: Whether the learner's panel states the assessment's pass mark (true
    #: when ``grade`` returns ``passed=None`` and points decide).
    shows_pass_mark: ClassVar[bool] = False
    #: Whether the learner confirms having read an assessor's record once it
    #: is graded (an observation, an interview): the panel offers the button.
    needs_acknowledgement: ClassVar[bool] = False

    # --- authoring ---------------------------------------------------------

    @abstractmethod
    def authoring_form(
        self,
        *,
        data=None,
        initial: dict | None = None,
        context: AuthoringContext | None = None,
    ) -> forms.Form:
        """The trainer's form, shown beside the core's general fields (title,
        instructions, sector, pass mark, attempts, time limit, second
        assessor, units, criteria: never ask for those again). ``data`` is the
        POST (a QueryDict) or ``None``; ``initial`` the current config when
        editing; ``context`` the read-only :class:`AuthoringContext` (the
        core always passes one; ``None`` only from scripts). Its
        ``cleaned_data`` must be JSON-serialisable: the core stores it,
        unchanged, as the assessment's ``config``. The core sets the form's
        ``prefix`` after building it (it shows the form twice: Spanish and
        optional English)."""

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
        its uploaded files) and return the response to store. The core has
        already removed its own fields from ``data`` (the CSRF token
        ``csrfmiddlewaretoken`` and ``next``) and inputs whose every value is
        empty, so ``reject_unknown_fields(data, {...})`` need only list the
        inputs ``render`` produces. Raise
        :class:`FixableError` for what the learner can put right in the form
        (an empty answer, too many files, a bad link) and a plain
        ``django.core.exceptions.ValidationError`` with a reason the learner
        can read for anything the rendered form could not have produced:
        unknown option ids, missing or extra fields. Uploaded
        files may be returned inside the response; the core checks their size
        and type, stores them privately and replaces them with references.
        Must not modify state."""

    @abstractmethod
    def grade(self, *, config: dict, response: dict) -> Score | None:
        """Grade a cleaned response. Pure: same input, same score, nothing
        written anywhere. Return ``None`` when a person must grade it through
        :meth:`grading_form`."""

    def render_result(self, *, config: dict, response: dict, result: Result) -> str:
        """HTML shown to the learner once the attempt is graded (``result``
        is the stored :meth:`Score.as_dict`, a :class:`Result`; ``response``
        the stored response, files replaced by ``{"file": id, "name": ...,
        "type": ...}``). Default: nothing beyond the core's
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
        """HTML of the learner's stored response as the assessor reads it on
        the grading page (``response`` with files replaced by references, as
        in ``render_result``). Present it in the plugin's own words (the
        questions beside the answers); default: a generic key/value listing."""
        return render_to_string(
            "plugins/includes/generic_response.html", {"response": response}
        )

    # --- testing -----------------------------------------------------------

    def contract_examples(self) -> ContractExamples | None:
        """Example data for ``plugins.testing.assert_plugin_contract`` (and
        ``lms-plugin-check``): see :class:`ContractExamples`. A plugin without
        examples fails the kit."""
        return None


#: The keyword arguments each required method must accept (keyword-only).
REQUIRED_SIGNATURES: dict[str, tuple[str, ...]] = {
    "authoring_form": ("data", "initial"),
    "render": ("config",),
    "clean_response": ("config", "data", "files"),
    "grade": ("config", "response"),
    "grading_form": ("config", "response", "data", "files"),
}
#: Optional methods: the same rule when a plugin overrides them.
OPTIONAL_SIGNATURES: dict[str, tuple[str, ...]] = {
    "prepare": ("config", "rng"),
    "render_result": ("config", "response", "result"),
    "render_response": ("config", "response"),
    "contract_examples": (),
}


def signature_problems(plugin_class: type) -> list[str]:
    """What is wrong with the signatures of ``plugin_class``'s methods: each
    must take its documented arguments as keyword-only parameters (or
    ``**kwargs``) and require nothing else."""
    problems = []
    for name, needed in {**REQUIRED_SIGNATURES, **OPTIONAL_SIGNATURES}.items():
        method = getattr(plugin_class, name, None)
        if method is None or not callable(method):
            problems.append(f"{name} is missing")
            continue
        try:
            parameters = list(inspect.signature(method).parameters.values())[1:]
        except (TypeError, ValueError):
            problems.append(f"{name} has no readable signature")
            continue
        by_name = {p.name: p for p in parameters}
        open_ended = any(p.kind is p.VAR_KEYWORD for p in parameters)
        positional = [
            p.name
            for p in parameters
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        absent = [n for n in needed if n not in by_name and not open_ended]
        extra = [
            p.name
            for p in parameters
            if p.name not in needed
            and p.default is p.empty
            and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        ]
        if positional:
            problems.append(
                f"{name} must take keyword-only arguments "
                f"(def {name}(self, *, {', '.join(needed)})), "
                f"not positional {', '.join(positional)}"
            )
        elif absent or extra:
            problems.append(
                f"{name} must be def {name}(self, *, {', '.join(needed)})"
                + (f"; it lacks {', '.join(absent)}" if absent else "")
                + (f"; it also requires {', '.join(extra)}" if extra else "")
            )
    return problems


def call_accepting(method, **kwargs):
    """``method(**kwargs)`` leaving out the arguments it does not accept, so
    a plugin written before ``render``'s ``data``/``errors`` or
    ``authoring_form``'s ``context`` were part of the contract keeps
    working."""
    parameters = inspect.signature(method).parameters
    open_ended = any(p.kind is p.VAR_KEYWORD for p in parameters.values())
    given = {
        name: value
        for name, value in kwargs.items()
        if open_ended or name in parameters
    }
    return method(**given)


def render_inputs(
    plugin: AssessmentPlugin, *, config: dict, data=None, errors=None
) -> str:
    """``plugin.render``, given ``data`` and ``errors`` only when it accepts
    them: plugins written before they were part of the contract take
    ``config`` alone and still work (the core shows the errors above their
    inputs)."""
    return call_accepting(plugin.render, config=config, data=data, errors=errors)


def build_authoring_form(
    plugin: AssessmentPlugin,
    *,
    data=None,
    initial: dict | None = None,
    context: AuthoringContext | None = None,
) -> forms.Form:
    """``plugin.authoring_form`` with ``context`` when it accepts one."""
    return call_accepting(
        plugin.authoring_form,
        data=data,
        initial=initial,
        context=context if context is not None else AuthoringContext(),
    )
