"""The tool's endpoints under ``/lti/tool/``: OIDC login initiation, launch,
JWKS and the deep linking response. A launch that does not validate (bad,
unsigned or expired id_token, unknown issuer or deployment) gets a 400 page
with the reason, and nothing is stored."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.contrib.auth import login
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.contrib.django.launch_data_storage.cache import DjangoCacheDataStorage
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException, OIDCException
from pylti1p3.lineitem import LineItem

from courses.models import CoursePage
from lms.web.middleware import _merge, public_policy, serialise
from plugins.models import Assessment

from .keys import jwks
from .services import (
    TARGET_PARAM,
    TargetMissing,
    launch_accept,
    target_resolve,
    target_value,
)
from .tool_conf import PlatformToolConf, platform_find

logger = logging.getLogger(__name__)
DEEP_LINK_SESSION_KEY = "lti_tool_deep_link_launch"


def _storage():
    return DjangoCacheDataStorage(cache_name="default")


def reason_for(exc: Exception) -> str:
    """The person's reason for a refused login or launch."""
    text = str(exc)
    if "expired" in text.lower():
        return _(
            "El token de lanzamiento (id_token) expiró. Vuelva a abrir la "
            "actividad desde su plataforma."
        )
    if "Registration not found" in text or "Could not find registration" in text:
        return _(
            "La plataforma que hace el lanzamiento (emisor o client_id) no "
            "está registrada aquí."
        )
    if "Client id not registered" in text:
        return _("El client_id del lanzamiento no está registrado para ese emisor.")
    if "deployment" in text.lower():
        return _(
            "El despliegue (deployment_id) del lanzamiento no está "
            "registrado para esa plataforma."
        )
    if "state" in text.lower() or "nonce" in text.lower() or "cookie" in text.lower():
        return _(
            "El lanzamiento no corresponde a un inicio de sesión en curso "
            "(estado o nonce no válido). Vuelva a abrir la actividad desde "
            "su plataforma y permita las cookies de este sitio."
        )
    if "issuer" in text.lower() or "login hint" in text.lower():
        return _("Faltan datos del inicio de sesión LTI (emisor o login_hint).")
    if "id_token" in text.lower() or "JWT" in text or "public key" in text.lower():
        return _(
            "El token de lanzamiento (id_token) no es válido: falta, está "
            "mal formado o su firma no corresponde a la plataforma."
        )
    return _("El lanzamiento LTI no es válido.")


def refused(request, reason: str, status: int = 400):
    return render(request, "lti_tool/refused.html", {"reason": reason}, status=status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def login_initiation(request):
    """Step 1: the platform sends the user here; we send them back to the
    platform's authorisation endpoint with state and nonce."""
    launch_url = request.build_absolute_uri(reverse("lti_tool:launch"))
    try:
        oidc = DjangoOIDCLogin(
            request, PlatformToolConf(), launch_data_storage=_storage()
        )
        return oidc.redirect(launch_url)
    except (LtiException, OIDCException) as exc:
        logger.info("LTI login refused: %s", exc)
        return refused(request, reason_for(exc))


def _launch(request):
    launch = DjangoMessageLaunch(
        request, PlatformToolConf(), launch_data_storage=_storage()
    )
    data = launch.get_launch_data()
    return launch, data


@csrf_exempt
@require_POST
def launch(request):
    """Step 2: the platform posts the signed id_token."""
    try:
        message, data = _launch(request)
    except LtiException as exc:
        logger.info("LTI launch refused: %s", exc)
        return refused(request, reason_for(exc))
    platform = platform_find(data["iss"], message.get_client_id())
    if platform is None:  # deactivated between the two checks
        return refused(request, reason_for(LtiException("Registration not found")))
    if message.is_deep_link_launch():
        request.session[DEEP_LINK_SESSION_KEY] = message.get_launch_id()
        return render(
            request,
            "lti_tool/deep_link.html",
            {
                "launch_id": message.get_launch_id(),
                "platform": platform,
                "courses": CoursePage.objects.live().order_by("title"),
                "assessments": Assessment.objects.filter(live=True).order_by("title"),
            },
        )
    if not message.is_resource_launch():
        return refused(request, _("Este tipo de mensaje LTI no se admite."))
    try:
        target = target_resolve(target_value(data))
    except TargetMissing:
        return refused(
            request,
            _(
                "El enlace no indica un curso ni una evaluación publicados en "
                "esta plataforma."
            ),
        )
    if not str(data.get("sub") or "").strip():
        return refused(
            request,
            _(
                "El lanzamiento no identifica a la persona (falta «sub»); esta "
                "herramienta no admite lanzamientos anónimos."
            ),
        )
    user = launch_accept(platform, data, target)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(target.url())


@require_GET
def jwks_view(request):
    return JsonResponse(jwks())


@require_POST
def deep_link_response(request):
    """Step 3 of deep linking: the instructor's choice, returned to the
    platform as a signed ``LtiDeepLinkingResponse``."""
    launch_id = request.POST.get("launch_id", "")
    if not launch_id or request.session.get(DEEP_LINK_SESSION_KEY) != launch_id:
        return refused(
            request,
            _("La selección no corresponde a un lanzamiento de vinculación en curso."),
        )
    try:
        message = DjangoMessageLaunch.from_cache(
            launch_id, request, PlatformToolConf(), launch_data_storage=_storage()
        )
    except LtiException as exc:
        return refused(request, reason_for(exc))
    launch_url = request.build_absolute_uri(reverse("lti_tool:launch"))
    resources = []
    for value in request.POST.getlist("target"):
        try:
            target = target_resolve(value)
        except TargetMissing:
            return refused(request, _("Elija cursos o evaluaciones publicados."))
        item = target.course if target.kind == "course" else target.assessment
        resource = (
            DeepLinkResource()
            .set_url(launch_url)
            .set_title(item.title)
            .set_custom_params({TARGET_PARAM: value})
        )
        if target.kind == "assessment":
            resource.set_lineitem(
                LineItem()
                .set_label(item.title)
                .set_score_maximum(100)
                .set_resource_id(value)
            )
        resources.append(resource)
    if not resources:
        return refused(request, _("Elija al menos un curso o una evaluación."))
    deep_link = message.get_deep_link()
    token = deep_link.get_response_jwt(resources)
    del request.session[DEEP_LINK_SESSION_KEY]
    return_url = message.get_launch_data()[
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
    ]["deep_link_return_url"]
    response = render(
        request,
        "lti_tool/deep_link_return.html",
        {"return_url": return_url, "jwt": token},
    )
    # The form goes to the platform: the one place a form may leave the site.
    parts = urlsplit(return_url)
    policy = _merge(
        public_policy(request.csp_nonce),
        {"form-action": [f"{parts.scheme}://{parts.netloc}"]},
    )
    response["Content-Security-Policy"] = serialise(policy)
    return response
