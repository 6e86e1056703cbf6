"""SCORM 1.2 and SCORM 2004 packages, played with scorm-again.

``inspect`` reads ``imsmanifest.xml`` at the package root: the version (from
``schemaversion``, else the namespaces), the default organization's first
launchable item and its resource's ``href`` (which must exist in the package),
and a 1.2 ``adlcp:masteryscore``. The state is the ``{"cmi": {...}}`` object
scorm-again commits; ``result`` reads the lesson status (1.2) or the
completion and success statuses (2004) and the score from it.
"""

from __future__ import annotations

import posixpath

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from lxml import etree

from plugins.content import ContentPlugin, ContentResult

MANIFEST = "imsmanifest.xml"
RUNTIME = "scorm/vendor/scorm-again-3.4.3/scorm-again.min.js"
MAX_STATE = 256 * 1024


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _attr(element, name: str) -> str:
    for key, value in element.attrib.items():
        if etree.QName(key).localname.lower() == name.lower():
            return value.strip()
    return ""


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _version(root) -> str:
    for metadata in _children(root, "metadata"):
        for schema in _children(metadata, "schemaversion"):
            text = (schema.text or "").strip()
            if text == "1.2":
                return "1.2"
            if "2004" in text or text == "CAM 1.3":
                return "2004"
    namespaces = " ".join(str(ns) for ns in root.nsmap.values())
    if (
        "adlcp_v1p3" in namespaces
        or "imscp_v1p1" in namespaces
        and "v1p3" in (namespaces)
    ):
        return "2004"
    if "adlcp_rootv1p2" in namespaces:
        return "1.2"
    raise ValidationError(
        _(
            "imsmanifest.xml no indica la versión SCORM (schemaversion 1.2 o "
            "2004); no se puede reproducir."
        )
    )


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _percent(score: dict) -> float | None:
    scaled = _number(score.get("scaled"))
    if scaled is not None:
        return round(max(-1.0, min(1.0, scaled)) * 100, 2)
    raw = _number(score.get("raw"))
    if raw is None:
        return None
    low = _number(score.get("min")) or 0.0
    high = _number(score.get("max"))
    if high is not None and high > low:
        return round(100 * (raw - low) / (high - low), 2)
    return round(raw, 2)


class ScormPlugin(ContentPlugin):
    id = "scorm"
    name = gettext_lazy("Paquete SCORM")
    description = gettext_lazy(
        "Un paquete SCORM 1.2 o SCORM 2004 (.zip) hecho con una herramienta de autor."
    )
    extensions = (".zip",)

    def inspect(self, *, names, read) -> dict:
        if MANIFEST not in names:
            raise ValidationError(
                _(
                    "El paquete no tiene imsmanifest.xml en su carpeta raíz; "
                    "no es un paquete SCORM."
                )
            )
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(read(MANIFEST), parser)
        except etree.XMLSyntaxError as exc:
            raise ValidationError(
                _("imsmanifest.xml no es un XML válido: %(error)s")
                % {"error": str(exc)}
            ) from None
        if _local(root.tag) != "manifest":
            raise ValidationError(
                _("imsmanifest.xml no tiene el elemento raíz <manifest>.")
            )
        version = _version(root)
        organizations = next(iter(_children(root, "organizations")), None)
        resources = next(iter(_children(root, "resources")), None)
        if organizations is None or resources is None:
            raise ValidationError(
                _("imsmanifest.xml no tiene <organizations> y <resources>.")
            )
        orgs = _children(organizations, "organization")
        default = _attr(organizations, "default")
        org = next((o for o in orgs if _attr(o, "identifier") == default), None)
        org = org if org is not None else next(iter(orgs), None)
        if org is None:
            raise ValidationError(_("imsmanifest.xml no tiene ninguna <organization>."))
        by_id = {_attr(r, "identifier"): r for r in _children(resources, "resource")}
        item = next(
            (
                element
                for element in org.iter()
                if _local(element.tag) == "item" and _attr(element, "identifierref")
            ),
            None,
        )
        if item is None:
            raise ValidationError(
                _("imsmanifest.xml no tiene ningún <item> que se pueda abrir.")
            )
        resource = by_id.get(_attr(item, "identifierref"))
        if resource is None or not _attr(resource, "href"):
            raise ValidationError(
                _(
                    "imsmanifest.xml: el item %(item)s apunta a un recurso que no "
                    "existe o no tiene href."
                )
                % {"item": _attr(item, "identifier")}
            )
        base = _attr(resources, "base") + _attr(resource, "base")
        href = _attr(resource, "href")
        path, _sep, query = href.partition("?")
        launch = posixpath.normpath(posixpath.join(base, path))
        if launch.startswith("..") or launch.startswith("/") or launch not in names:
            raise ValidationError(
                _("imsmanifest.xml abre %(href)s, que no está en el paquete.")
                % {"href": href}
            )
        title = next(iter(_children(org, "title")), None)
        mastery = None
        for element in item:
            if _local(element.tag) == "masteryscore":
                mastery = _number(element.text)
        return {
            "version": version,
            "launch": launch + (f"?{query}" if query else ""),
            "title": (title.text or "").strip() if title is not None else "",
            "mastery_score": mastery,
        }

    def render(self, *, config, state, urls) -> str:
        return render_to_string(
            "scorm/player.html",
            {
                "config": config,
                "state": state,
                "urls": urls,
                "runtime": RUNTIME,
            },
        )

    def clean_state(self, *, config, data) -> dict:
        if not isinstance(data, dict) or not isinstance(data.get("cmi"), dict):
            raise ValidationError(_("El estado enviado no es un objeto CMI."))
        if len(repr(data)) > MAX_STATE:
            raise ValidationError(_("El estado enviado es demasiado grande."))
        return {"cmi": data["cmi"]}

    def result(self, *, config, state) -> ContentResult:
        cmi = state.get("cmi") or {}
        if config.get("version") == "1.2":
            core = cmi.get("core") or {}
            status = core.get("lesson_status", "")
            score = _percent(core.get("score") or {})
            passed = {"passed": True, "failed": False}.get(status)
            mastery = config.get("mastery_score")
            if passed is None and mastery is not None and score is not None:
                passed = score >= mastery
            return ContentResult(
                completed=status in ("completed", "passed", "failed"),
                score=score,
                passed=passed,
            )
        success = cmi.get("success_status", "")
        return ContentResult(
            completed=cmi.get("completion_status") == "completed"
            or success in ("passed", "failed"),
            score=_percent(cmi.get("score") or {}),
            passed={"passed": True, "failed": False}.get(success),
        )
