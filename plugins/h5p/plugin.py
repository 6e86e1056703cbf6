"""H5P activities (``.h5p`` files), played with h5p-standalone.

``inspect`` reads ``h5p.json`` (title, ``mainLibrary``,
``preloadedDependencies``), checks ``content/content.json`` is JSON and that
every dependency's folder holds a ``library.json`` (the package must bundle
its libraries). The state is the last xAPI statement the activity emitted
with a result (``answered``, ``completed``, ``passed``, ``failed``) and
``result`` reads completion, score and success from it. Beside it the state
keeps the activity's user data (``user_state``: where the learner is inside
it, the answers given, as the content type's ``getCurrentState`` returns it),
which the player hands back to h5p-standalone so the learner resumes.
"""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from plugins.content import ContentPlugin, ContentResult

RUNTIME = "h5p/vendor/h5p-standalone-3.8.2/"
VERBS = ("answered", "completed", "passed", "failed")
MAX_STATE = 64 * 1024
#: Seconds between the player's saves of the user data (H5P's ``saveFreq``);
#: it also saves 3 s after a "progressed" or "completed" event and on leaving.
SAVE_FREQ = 10


def _json(read, name: str) -> dict:
    try:
        data = json.loads(read(name))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(
            _("%(name)s no es un JSON válido: %(error)s")
            % {"name": name, "error": str(exc)}
        ) from None
    if not isinstance(data, dict):
        raise ValidationError(_("%(name)s no es un objeto JSON.") % {"name": name})
    return data


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class H5PPlugin(ContentPlugin):
    id = "h5p"
    name = gettext_lazy("Actividad H5P")
    description = gettext_lazy(
        "Una actividad H5P (.h5p) exportada con sus bibliotecas incluidas."
    )
    extensions = (".h5p",)
    framed = True  # h5p-standalone writes inline scripts into its frame

    def inspect(self, *, names, read) -> dict:
        if "h5p.json" not in names:
            raise ValidationError(
                _("El paquete no tiene h5p.json en su carpeta raíz; no es un H5P.")
            )
        meta = _json(read, "h5p.json")
        main = meta.get("mainLibrary")
        dependencies = meta.get("preloadedDependencies")
        if not isinstance(main, str) or not main or not isinstance(dependencies, list):
            raise ValidationError(
                _("h5p.json debe indicar mainLibrary y preloadedDependencies.")
            )
        if "content/content.json" not in names:
            raise ValidationError(_("El paquete no tiene content/content.json."))
        _json(read, "content/content.json")
        machines = set()
        for dependency in dependencies:
            try:
                folder = (
                    f"{dependency['machineName']}-{int(dependency['majorVersion'])}"
                    f".{int(dependency['minorVersion'])}"
                )
            except (KeyError, TypeError, ValueError):
                raise ValidationError(
                    _("h5p.json tiene una dependencia mal escrita: %(dep)s")
                    % {"dep": json.dumps(dependency)[:200]}
                ) from None
            if f"{folder}/library.json" not in names:
                raise ValidationError(
                    _(
                        "El paquete no incluye la biblioteca %(lib)s; expórtelo "
                        "con sus bibliotecas."
                    )
                    % {"lib": folder}
                )
            machines.add(dependency["machineName"])
        if main not in machines:
            raise ValidationError(
                _("La biblioteca principal %(lib)s no está entre las dependencias.")
                % {"lib": main}
            )
        return {
            "launch": "h5p.json",
            "title": str(meta.get("title") or "")[:200],
            "main_library": main,
        }

    def render(self, *, config, state, urls) -> str:
        saved = {key: state[key] for key in ("verb", "result") if key in state}
        user_state = state.get("user_state")
        return render_to_string(
            "h5p/player.html",
            {
                "config": config,
                "state": state,
                "saved": json.dumps(saved),
                "user_state": "" if user_state is None else json.dumps(user_state),
                "save_freq": SAVE_FREQ,
                "urls": urls,
                "base": urls["launch"].rsplit("/", 1)[0],
                "runtime": RUNTIME,
            },
        )

    def clean_state(self, *, config, data) -> dict:
        """``data``: ``statement`` (an xAPI statement with a result) or the
        ``verb`` and ``result`` saved before, and/or ``user_state`` (the
        activity's user data as the JSON text H5P writes)."""
        if not isinstance(data, dict):
            raise ValidationError(_("El estado enviado no es un objeto JSON."))
        state = {}
        statement = data.get("statement")
        if statement is not None:
            if not isinstance(statement, dict):
                raise ValidationError(
                    _("El estado enviado no es una declaración xAPI.")
                )
            if len(json.dumps(statement)) > MAX_STATE:
                raise ValidationError(_("El estado enviado es demasiado grande."))
            verb = str((statement.get("verb") or {}).get("id", "")).rsplit("/", 1)[-1]
            state.update(self._verdict(verb, statement.get("result")))
        elif "verb" in data:
            state.update(self._verdict(str(data["verb"]), data.get("result")))
            if len(json.dumps(state)) > MAX_STATE:
                raise ValidationError(_("El estado enviado es demasiado grande."))
        user_state = data.get("user_state")
        if user_state is not None:
            if not isinstance(user_state, str) or len(user_state) > MAX_STATE:
                raise ValidationError(
                    _(
                        "El progreso de la actividad debe ser un texto JSON de "
                        "%(limit)s KB como máximo."
                    )
                    % {"limit": MAX_STATE // 1024}
                )
            try:
                state["user_state"] = json.loads(user_state)
            except ValueError:
                raise ValidationError(
                    _("El progreso de la actividad no es un JSON válido.")
                ) from None
        if not state:
            raise ValidationError(_("El estado enviado no es una declaración xAPI."))
        return state

    @staticmethod
    def _verdict(verb: str, result) -> dict:
        if verb not in VERBS or not isinstance(result, dict):
            raise ValidationError(
                _("La declaración xAPI no informa un resultado (%(verb)s).")
                % {"verb": verb[:50]}
            )
        return {"verb": verb, "result": result}

    def result(self, *, config, state) -> ContentResult:
        result = state.get("result") or {}
        score = result.get("score") or {}
        scaled = _number(score.get("scaled"))
        raw, top = _number(score.get("raw")), _number(score.get("max"))
        percent = None
        if scaled is not None:
            percent = round(max(-1.0, min(1.0, scaled)) * 100, 2)
        elif raw is not None and top:
            percent = round(100 * raw / top, 2)
        success = result.get("success")
        return ContentResult(
            completed=bool(result.get("completion"))
            or state.get("verb") in ("completed", "passed", "failed"),
            score=percent,
            passed=success if isinstance(success, bool) else None,
        )
