"""The contract kit: checks that an assessment plugin keeps the contract of
``plugins.base``, with the example data the plugin itself declares
(``AssessmentPlugin.contract_examples``, a ``ContractExamples``).

In a plugin package's own tests (pytest-django, a database for the core's
reference data)::

    import pytest
    from plugins.testing import assert_plugin_contract

    @pytest.mark.django_db
    def test_contract():
        assert_plugin_contract("karaoke")

or, for every installed plugin, ``@parametrize_plugins()`` on a test taking
``plugin_id``. From outside any project: ``lms-plugin-check karaoke`` (see
:func:`main`).

The round trip it runs, each step with the plugin's own data:

1. identity: ``id``, ``name``, ``evidence_kind``, method signatures;
2. author: the authoring form (in the declared ``AuthoringContext``, under the
   prefix the core gives it) validates the example and its ``cleaned_data`` is
   JSON; the form built from that stored config, as a browser would post it
   back unchanged, gives the same config (editing round trip);
3. render: ``prepare`` is JSON, deterministic per seed and leaves the config
   alone; ``render`` shows none of the declared secrets;
4. submit: the passing and failing examples clean to JSON responses (files
   replaced by references as the core does), a fixable one raises
   ``FixableError`` and renders again with its messages and no secrets, a
   tampered one raises a plain ``ValidationError``;
5. grade: pure (same input, same ``Score``, inputs untouched, no database
   query), the grading form (when ``grade`` returns ``None``) gives a
   ``Score``; each example gets its declared verdict;
6. result: ``render_result`` and ``render_response`` return HTML from the
   stored JSON, without touching the database.
"""

from __future__ import annotations

import copy
import html as html_lib
import json
import os
import random
import sys
import traceback
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils.datastructures import MultiValueDict

from plugins.base import (
    AssessmentPlugin,
    ContractExamples,
    ExampleResponse,
    GradingForm,
    Score,
    build_authoring_form,
    fixable_errors,
    render_inputs,
    signature_problems,
)

#: The prefix the core gives the authoring form in the admin.
AUTHORING_PREFIX = "config"


class ContractFailure(AssertionError):
    """The plugin breaks the contract; ``failures`` holds one line each."""

    def __init__(self, plugin_id: str, failures: list[str]):
        self.failures = failures
        super().__init__(
            f"Plugin '{plugin_id}' breaks the contract:\n"
            + "\n".join(f"- {line}" for line in failures)
        )


def _plugin(plugin_or_id) -> AssessmentPlugin:
    if isinstance(plugin_or_id, AssessmentPlugin):
        return plugin_or_id
    from plugins.registry import get_plugin

    return get_plugin(plugin_or_id)


def assert_plugin_contract(plugin_or_id) -> None:
    """Raise :class:`ContractFailure` listing every way the plugin (an
    instance or an installed plugin's id) breaks the contract."""
    plugin = _plugin(plugin_or_id)
    failures = check_plugin(plugin)
    if failures:
        raise ContractFailure(plugin.id, failures)


def parametrize_plugins(*plugin_ids):
    """``pytest.mark.parametrize("plugin_id", ...)`` over ``plugin_ids`` or,
    given none, every installed plugin."""
    import pytest

    from plugins.registry import all_plugins

    return pytest.mark.parametrize(
        "plugin_id", list(plugin_ids) or [plugin.id for plugin in all_plugins()]
    )


# --- the checks ------------------------------------------------------------


def check_plugin(plugin: AssessmentPlugin) -> list[str]:
    """Every contract failure of ``plugin``, one line each (empty: it keeps
    the contract)."""
    failures: list[str] = []
    failures += _identity(plugin)
    try:
        _run(plugin, failures)
    except Exception as exc:  # a plugin method that crashes is a failure too
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        failures.append(
            f"the round trip stopped: {type(exc).__name__}: {exc} "
            f"({frame.filename}, line {frame.lineno}, in {frame.name})"
        )
    return failures


def _run(plugin, failures) -> None:
    examples = plugin.contract_examples()
    if not isinstance(examples, ContractExamples):
        failures.append(
            "contract_examples() must return a plugins.base.ContractExamples "
            f"(got {type(examples).__name__})"
        )
        return
    config = _author(plugin, examples, failures)
    if config is None:
        return
    prepared = _prepare(plugin, config, failures)
    if prepared is None:
        return
    _render(plugin, examples, prepared, failures)
    for label, example in (
        ("passing", examples.passing),
        ("failing", examples.failing),
    ):
        _round_trip(plugin, examples, prepared, label, example, failures)
    if examples.fixable is not None:
        _fixable(plugin, examples, prepared, failures)
    _tampered(plugin, examples, prepared, failures)


def _identity(plugin) -> list[str]:
    failures = []
    if not isinstance(getattr(plugin, "id", None), str) or not plugin.id.strip():
        failures.append("id must be a non-empty string")
    if not str(getattr(plugin, "name", "") or "").strip():
        failures.append("name must be set")
    from plugins.registry import EVIDENCE_KINDS

    if plugin.evidence_kind not in EVIDENCE_KINDS:
        failures.append(f"evidence_kind {plugin.evidence_kind!r} is not allowed")
    failures += signature_problems(type(plugin))
    for flag in ("shows_pass_mark", "needs_acknowledgement"):
        if not isinstance(getattr(plugin, flag), bool):
            failures.append(f"{flag} must be True or False")
    return failures


def _jsonable(value, what: str, failures: list[str]) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError) as exc:
        failures.append(f"{what} is not JSON-serialisable: {exc}")
        return False
    return True


def _authoring(plugin, examples, data=None, initial=None):
    form = build_authoring_form(
        plugin, data=data, initial=initial, context=examples.context
    )
    form.prefix = AUTHORING_PREFIX
    return form


def _author(plugin, examples, failures) -> dict | None:
    data = _querydict(
        {
            f"{AUTHORING_PREFIX}-{key}": value
            for key, value in examples.authoring.items()
        }
    )
    form = _authoring(plugin, examples, data=data)
    if not form.is_valid():
        failures.append(f"authoring form refuses the example: {_errors(form.errors)}")
        return None
    config = form.cleaned_data
    if not _jsonable(config, "the authoring form's cleaned_data", failures):
        return None
    stored = json.loads(json.dumps(config))
    editing = _authoring(plugin, examples, initial=copy.deepcopy(stored))
    try:
        posted = form_data_from_html(editing.as_div())
    except Exception as exc:  # a form that cannot render a stored config
        failures.append(f"the authoring form cannot show a stored config: {exc!r}")
        return stored
    again = _authoring(plugin, examples, data=posted)
    if not again.is_valid():
        failures.append(
            "the authoring form built from a stored config, posted back "
            f"unchanged, is refused: {_errors(again.errors)}"
        )
    elif json.loads(json.dumps(again.cleaned_data)) != stored:
        failures.append(
            "the authoring form built from a stored config, posted back "
            "unchanged, gives a different config"
        )
    return stored


def _prepare(plugin, config, failures) -> dict | None:
    before = copy.deepcopy(config)
    with _no_queries("prepare", failures):
        first = plugin.prepare(config=config, rng=random.Random(7))
        second = plugin.prepare(config=copy.deepcopy(config), rng=random.Random(7))
    if config != before:
        failures.append("prepare modified the config it was given")
    if not _jsonable(first, "prepare's attempt config", failures):
        return None
    if first != second:
        failures.append("prepare gives different attempt configs for the same seed")
    return json.loads(json.dumps(first))


def _render(plugin, examples, prepared, failures) -> None:
    with _no_queries("render", failures):
        html = render_inputs(plugin, config=prepared)
    if not isinstance(html, str) or not html.strip():
        failures.append("render returned no HTML")
        return
    _no_secrets("render", html, examples, failures)


def _no_secrets(what, html, examples, failures) -> None:
    shown = html + "\n" + html_lib.unescape(html)
    for secret in examples.secrets:
        if secret in shown:
            failures.append(f"{what} shows the secret {secret!r}")


def _clean(plugin, prepared, example: ExampleResponse):
    return plugin.clean_response(
        config=copy.deepcopy(prepared),
        data=_querydict(example.data),
        files=_files(example),
    )


def _round_trip(plugin, examples, prepared, label, example, failures) -> None:
    try:
        with _no_queries(f"clean_response ({label})", failures):
            response = _clean(plugin, prepared, example)
    except ValidationError as exc:
        failures.append(f"clean_response refuses the {label} example: {exc.messages}")
        return
    if not isinstance(response, dict):
        failures.append(f"clean_response must return a dict ({label})")
        return
    stored = _stored(plugin, response, label, failures)
    if stored is None or not _jsonable(stored, f"the {label} response", failures):
        return
    score = _grade(plugin, prepared, stored, label, failures)
    if score is None and example.grading is None:
        failures.append(
            f"grade returned None for the {label} example: declare the "
            "assessor's grading data (ExampleResponse.grading)"
        )
        return
    if score is None:
        score = _assessor_grade(plugin, prepared, stored, label, example, failures)
        if score is None:
            return
    passed = score.passed
    if passed is None:
        passed = score.percent >= examples.pass_mark
    if passed is not example.passed:
        failures.append(
            f"the {label} example should {'pass' if example.passed else 'not pass'}, "
            f"but got {score.points:g}/{score.max_points:g} (passed={score.passed})"
        )
    result = json.loads(json.dumps(score.as_dict()))
    with _no_queries("render_result / render_response", failures):
        shown = plugin.render_result(config=prepared, response=stored, result=result)
        read = plugin.render_response(config=prepared, response=stored)
    if not isinstance(shown, str):
        failures.append(f"render_result must return a string ({label})")
    if not isinstance(read, str) or not read.strip():
        failures.append(f"render_response returned no HTML ({label})")


def _stored(plugin, response, label, failures):
    """The response as the core stores it: uploads replaced by references,
    each of a type the plugin accepts."""
    counter = iter(range(1, 10_000))

    def walk(value):
        if isinstance(value, UploadedFile):
            accepted = tuple(plugin.allowed_file_types)
            if not (accepted and str(value.content_type).startswith(accepted)):
                failures.append(
                    f"the {label} example uploads {value.content_type}, which "
                    "allowed_file_types does not accept"
                )
            return {
                "file": next(counter),
                "name": value.name,
                "type": value.content_type,
            }
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [walk(item) for item in value]
        return value

    return walk(response)


def _grade(plugin, prepared, stored, label, failures) -> Score | None:
    before = copy.deepcopy((prepared, stored))
    with _no_queries(f"grade ({label})", failures):
        first = plugin.grade(config=prepared, response=stored)
        second = plugin.grade(
            config=copy.deepcopy(prepared), response=copy.deepcopy(stored)
        )
    if (prepared, stored) != before:
        failures.append(f"grade modified its arguments ({label})")
    if first is not None and not isinstance(first, Score):
        failures.append(f"grade must return a Score or None ({label})")
        return None
    if first != second:
        failures.append(f"grade is not pure: two calls differ ({label})")
    if first is not None:
        _jsonable(first.as_dict(), f"the {label} Score", failures)
    return first


def _assessor_grade(plugin, prepared, stored, label, example, failures):
    with _no_queries(f"grading_form ({label})", failures):
        form = plugin.grading_form(
            config=prepared,
            response=stored,
            data=_querydict(example.grading),
            files=MultiValueDict(),
        )
        if not isinstance(form, GradingForm):
            failures.append("grading_form must return a plugins.base.GradingForm")
            return None
        if "feedback" not in form.fields:
            failures.append("the grading form lost the core's feedback field")
        if not form.is_valid():
            failures.append(
                f"the grading form refuses the {label} example: {_errors(form.errors)}"
            )
            return None
        score = form.score()
    if not isinstance(score, Score):
        failures.append(f"the grading form's score() must return a Score ({label})")
        return None
    return score if _jsonable(score.as_dict(), f"the {label} Score", failures) else None


def _fixable(plugin, examples, prepared, failures) -> None:
    example = examples.fixable
    try:
        _clean(plugin, prepared, example)
    except ValidationError as exc:
        errors = fixable_errors(exc)
        if errors is None:
            failures.append(
                "the fixable example raises a plain ValidationError (a 400 page): "
                "raise FixableError for what the learner can put right"
            )
            return
        data = _querydict(example.data)
        html = render_inputs(plugin, config=prepared, data=data, errors=errors)
        _no_secrets("render after a FixableError", html, examples, failures)
        if _accepts(plugin.render, "errors"):
            missing = [
                message
                for name, messages in errors.items()
                if name != "__all__"
                for message in messages
                if message not in html and html_lib.escape(message) not in html
            ]
            if missing:
                failures.append(
                    f"render(errors=...) does not show {missing[0]!r} next to its field"
                )
        return
    failures.append("the fixable example is accepted: clean_response must refuse it")


def _tampered(plugin, examples, prepared, failures) -> None:
    try:
        plugin.clean_response(
            config=copy.deepcopy(prepared),
            data=_querydict(examples.tampered),
            files=MultiValueDict(),
        )
    except ValidationError as exc:
        if fixable_errors(exc) is not None:
            failures.append(
                "a tampered submission raises FixableError: it must be a plain "
                "ValidationError (answered with a 400)"
            )
        elif not exc.messages:
            failures.append("a tampered submission is refused without a reason")
        return
    failures.append(
        f"a tampered submission {examples.tampered!r} is accepted: refuse "
        "fields the form never renders"
    )


# --- helpers ---------------------------------------------------------------


class _no_queries:  # noqa: N801 - used as a context manager
    def __init__(self, what, failures):
        self.what, self.failures = what, failures
        self.capture = CaptureQueriesContext(connection)

    def __enter__(self):
        self.capture.__enter__()
        return self

    def __exit__(self, *exc_info):
        self.capture.__exit__(*exc_info)
        if exc_info[0] is None and len(self.capture):
            self.failures.append(
                f"{self.what} queried the database ({len(self.capture)} queries)"
            )
        return False


def _accepts(method, name) -> bool:
    import inspect

    parameters = inspect.signature(method).parameters
    return name in parameters or any(
        p.kind is p.VAR_KEYWORD for p in parameters.values()
    )


def _querydict(values) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in (values or {}).items():
        data.setlist(key, list(value) if isinstance(value, list | tuple) else [value])
    return data


def _files(example: ExampleResponse) -> MultiValueDict:
    files = MultiValueDict()
    for name, uploads in example.files.items():
        for upload in uploads:
            uploaded = SimpleUploadedFile(
                upload.name, upload.content, upload.content_type
            )
            uploaded.field_name = name
            files.appendlist(name, uploaded)
    return files


def _errors(errors) -> str:
    return "; ".join(
        f"{name}: {' '.join(str(m) for m in messages)}"
        for name, messages in errors.items()
    )


class _FormReader(HTMLParser):
    """What a browser posts for a rendered form (inputs, text areas, select
    lists) when the user changes nothing."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = MultiValueDict()
        self._textarea = None
        self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if "disabled" in attrs:
            return
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("file", "submit", "button", "reset", "image"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.appendlist(name, attrs.get("value") or "on")
                return
            self.data.appendlist(name, attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = {
                "name": name,
                "multiple": "multiple" in attrs,
                "first": None,
                "chosen": [],
            }
        elif tag == "option" and self._select is not None:
            self._option = attrs.get("value")
            if self._select["first"] is None:
                self._select["first"] = self._option
            if "selected" in attrs:
                self._select["chosen"].append(self._option)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # Browsers drop the newline that opens a text area's content.
            self.data.appendlist(name, text[1:] if text.startswith("\n") else text)
            self._textarea = None
        elif tag == "select" and self._select is not None:
            select = self._select
            chosen = select["chosen"]
            if not chosen and not select["multiple"] and select["first"] is not None:
                chosen = [select["first"]]
            for value in chosen:
                self.data.appendlist(select["name"], value or "")
            self._select = None


def form_data_from_html(html: str) -> QueryDict:
    """The POST a browser sends for the form fields in ``html`` unchanged."""
    reader = _FormReader()
    reader.feed(str(html))
    reader.close()
    data = QueryDict(mutable=True)
    for key, values in reader.data.lists():
        data.setlist(key, values)
    return data


# --- lms-plugin-check ----------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """``lms-plugin-check NAME``: run the kit on the installed plugin NAME
    (entry-point name, plugin id or app module), outside any project: Django
    is set up with the platform's test settings and an in-memory database.
    Prints one line per failure and exits 1 (2 when NAME is unknown or the
    platform does not start); prints one line and exits 0 when it passes."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: lms-plugin-check NAME", file=sys.stderr)
        return 2
    name = argv[0]
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.test"
    os.environ.pop("DATABASE_URL", None)
    try:
        plugin = _set_up_and_find(name)
    except LookupError as exc:
        print(f"lms-plugin-check: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # start-up failures name the plugin already
        print(f"lms-plugin-check: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    try:
        failures = check_plugin(plugin)
    finally:
        _tear_down()
    for line in failures:
        print(f"{plugin.id}: {' '.join(line.split())}")
    if failures:
        return 1
    print(f"{plugin.id}: keeps the plugin contract")
    return 0


_environment: dict = {}


def _set_up_and_find(name: str) -> AssessmentPlugin:
    import django
    from django.apps import apps
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()
    from lms.plugin_loader import plugin_label
    from plugins.registry import PluginConfig, all_plugins

    found = None
    for config in apps.get_app_configs():
        if isinstance(config, PluginConfig) and name in (
            config.plugin_label,
            config.name,
            config.plugin_class().id,
        ):
            found = config.plugin_class().id
    if found is None:
        installed = ", ".join(
            sorted(
                plugin_label(c.name)
                for c in apps.get_app_configs()
                if isinstance(c, PluginConfig)
            )
        )
        raise LookupError(
            f"no installed assessment plugin is named {name!r} (installed: {installed})"
        )
    _environment["database"] = connection.creation.create_test_db(
        verbosity=0, autoclobber=True
    )
    return next(plugin for plugin in all_plugins() if plugin.id == found)


def _tear_down() -> None:
    from django.test.utils import teardown_test_environment

    if "database" in _environment:
        connection.creation.destroy_test_db(_environment.pop("database"), verbosity=0)
    teardown_test_environment()
