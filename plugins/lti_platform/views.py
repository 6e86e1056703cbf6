"""The platform side of LTI 1.3 (IMS LTI 1.3 Core, Security Framework 1.0,
Assignment and Grade Services 2.0), under ``/lti/platform/``:

``launch/<item>/<page>/``  the lesson's link: third-party-initiated login,
                           a redirect to the tool's OIDC login URL
``auth``                   OIDC authorization endpoint: checks the tool's
                           authentication request and answers with an
                           auto-posting form carrying the signed ``id_token``
``token``                  OAuth 2 ``client_credentials`` with a JWT client
                           assertion signed by the tool's key; short-lived
                           bearer tokens with the AGS scopes
``jwks``                   the platform's public key
``ags/<item>/<page>/lineitem`` (GET) and ``.../lineitem/scores`` (POST)
                           one line item per embedded tool and lesson page

Every refusal is a 400 or 401 with the reason, and saves nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from datetime import datetime
from urllib.parse import urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from plugins.content import content_plugin
from plugins.content_views import may_play, progress_record
from plugins.models import ContentItem, ContentProgress

from .keys import public_jwk, sign
from .models import LtiIdentity, LtiTool

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
SCOPE_LINEITEM_READ = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"
SCOPES = (SCOPE_SCORE, SCOPE_LINEITEM_READ)
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json"
HINT_PREFIX = "lti-platform:hint:"
TOKEN_SALT = "lti-platform.access-token"
HINT_AGE = 300
ID_TOKEN_AGE = 300
ACCESS_TOKEN_AGE = 3600
JWKS_TIMEOUT = 5


def public_url(name: str, **kwargs) -> str:
    return settings.LMS_PUBLIC_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def _lti_item(item_id: int) -> tuple[ContentItem, LtiTool]:
    item = get_object_or_404(ContentItem, pk=item_id)
    plugin = content_plugin(item.plugin_id)
    if plugin is None or plugin.id != "lti":
        raise Http404
    tool = LtiTool.objects.filter(pk=item.config.get("tool")).first()
    if tool is None:
        raise Http404
    return item, tool


def _sub(user) -> str:
    identity, _created = LtiIdentity.objects.get_or_create(user=user)
    return identity.sub


# --- Launch: third-party-initiated login --------------------------------------


@require_GET
@login_required
@never_cache
def launch(request, item_id: int, page_id: int):
    item, tool = _lti_item(item_id)
    if not may_play(request.user, item, page_id):
        raise PermissionDenied
    # An opaque handle on the launch (who, what, where), kept server-side.
    hint = secrets.token_urlsafe(24)
    cache.set(
        HINT_PREFIX + hint,
        {"u": request.user.pk, "i": item.pk, "p": page_id},
        HINT_AGE,
    )
    query = {
        "iss": settings.LMS_PUBLIC_URL,
        "login_hint": _sub(request.user),
        "target_link_uri": item.config.get("target_link_uri") or tool.target_link_uri,
        "lti_message_hint": hint,
        "client_id": tool.client_id,
        "lti_deployment_id": tool.deployment_id,
    }
    separator = "&" if "?" in tool.login_url else "?"
    return HttpResponseRedirect(tool.login_url + separator + urlencode(query))


# --- OIDC authorization endpoint ------------------------------------------------


def _refuse(reason: str, status: int = 400) -> HttpResponse:
    return HttpResponse(reason, status=status, content_type="text/plain; charset=utf-8")


AUTOPOST = "document.forms[0].submit();"
AUTOPOST_HASH = base64.b64encode(hashlib.sha256(AUTOPOST.encode()).digest()).decode()


@require_http_methods(["GET", "POST"])
@csrf_exempt
@never_cache
def auth(request):
    params = request.POST if request.method == "POST" else request.GET
    for name, expected in (
        ("scope", "openid"),
        ("response_type", "id_token"),
        ("response_mode", "form_post"),
    ):
        if params.get(name) != expected:
            return _refuse(f"invalid_request: {name} must be {expected}")
    if params.get("prompt", "none") != "none":
        return _refuse("invalid_request: prompt must be none")
    for name in ("client_id", "redirect_uri", "login_hint", "nonce", "state"):
        if not params.get(name):
            return _refuse(f"invalid_request: {name} is missing")
    tool = LtiTool.objects.filter(client_id=params["client_id"]).first()
    if tool is None:
        return _refuse("unauthorized_client: unknown client_id")
    redirect_uri = params["redirect_uri"]
    if redirect_uri not in tool.redirect_uri_list():
        return _refuse("invalid_request: redirect_uri is not registered for this tool")
    hint = cache.get(HINT_PREFIX + params.get("lti_message_hint", "")[:64])
    if not isinstance(hint, dict):
        return _refuse("invalid_request: lti_message_hint is unknown or expired")
    if not request.user.is_authenticated:
        return _refuse("login_required: sign in to the platform first", status=401)
    if hint.get("u") != request.user.pk or params["login_hint"] != _sub(request.user):
        return _refuse("invalid_request: login_hint is not the signed-in user")
    item = ContentItem.objects.filter(pk=hint.get("i")).first()
    page_id = hint.get("p")
    if item is None or item.config.get("tool") != tool.pk:
        return _refuse("invalid_request: the launch is not for this tool")
    if params.get("lti_deployment_id", tool.deployment_id) != tool.deployment_id:
        return _refuse("invalid_request: unknown lti_deployment_id")
    if not may_play(request.user, item, page_id):
        return _refuse("access_denied: the learner may not play this content", 403)
    id_token = sign(
        _claims(request, tool, item, page_id, params["nonce"], params["login_hint"])
    )
    response = HttpResponse(
        render_to_string(
            "lti_platform/autopost.html",
            {
                "action": redirect_uri,
                "id_token": id_token,
                "state": params["state"],
                "script": AUTOPOST,
            },
        )
    )
    target = urlsplit(redirect_uri)
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; script-src 'sha256-{AUTOPOST_HASH}'; "
        f"form-action {target.scheme}://{target.netloc}; frame-ancestors 'none'; "
        "base-uri 'none'"
    )
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _claims(request, tool, item, page_id, nonce, sub) -> dict:
    now = int(time.time())
    page = Page.objects.filter(pk=page_id).first()
    course = page.get_parent() if page is not None else None
    claims = {
        "iss": settings.LMS_PUBLIC_URL,
        "aud": tool.client_id,
        "azp": tool.client_id,
        "sub": sub,
        "iat": now,
        "exp": now + ID_TOKEN_AGE,
        "nonce": nonce,
        "locale": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        LTI + "message_type": "LtiResourceLinkRequest",
        LTI + "version": "1.3.0",
        LTI + "deployment_id": tool.deployment_id,
        LTI + "target_link_uri": item.config.get("target_link_uri")
        or tool.target_link_uri,
        LTI + "resource_link": {"id": f"{item.pk}-{page_id}", "title": item.title},
        LTI + "roles": [LEARNER],
        LTI + "tool_platform": {
            "guid": settings.LMS_PUBLIC_URL,
            "name": str(getattr(settings, "WAGTAIL_SITE_NAME", "LMS")),
        },
        LTI + "launch_presentation": {
            "document_target": "window",
            "return_url": request.build_absolute_uri(page.url)
            if page is not None and page.url
            else settings.LMS_PUBLIC_URL,
        },
        AGS: {
            "scope": list(SCOPES),
            "lineitem": public_url(
                "lti_platform:lineitem", item_id=item.pk, page_id=page_id
            ),
        },
    }
    if course is not None:
        claims[LTI + "context"] = {
            "id": str(course.pk),
            "title": course.title,
            "type": ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"],
        }
    if item.config.get("custom"):
        claims[LTI + "custom"] = item.config["custom"]
    return claims


# --- Platform keys ----------------------------------------------------------------


@require_GET
def jwks(request):
    response = JsonResponse({"keys": [public_jwk()]})
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


# --- OAuth 2 token endpoint ---------------------------------------------------------


def _oauth_error(error: str, description: str, status: int = 400) -> JsonResponse:
    response = JsonResponse(
        {"error": error, "error_description": description}, status=status
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _tool_key(tool: LtiTool, kid: str | None):
    if tool.public_key.strip():
        return serialization.load_pem_public_key(tool.public_key.strip().encode())
    client = jwt.PyJWKClient(tool.jwks_url, cache_keys=False, timeout=JWKS_TIMEOUT)
    keys = client.get_signing_keys()
    for key in keys:
        if kid is None or key.key_id == kid:
            return key.key
    raise jwt.InvalidTokenError("no key of the tool's JWKS has this kid")


@require_POST
@csrf_exempt
def token(request):
    if request.POST.get("grant_type") != "client_credentials":
        return _oauth_error(
            "unsupported_grant_type", "grant_type must be client_credentials"
        )
    if request.POST.get("client_assertion_type") != ASSERTION_TYPE:
        return _oauth_error(
            "invalid_request", f"client_assertion_type must be {ASSERTION_TYPE}"
        )
    assertion = request.POST.get("client_assertion", "")
    try:
        header = jwt.get_unverified_header(assertion)
        unverified = jwt.decode(assertion, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        return _oauth_error("invalid_client", "client_assertion is not a JWT", 401)
    client_id = unverified.get("iss")
    tool = LtiTool.objects.filter(client_id=str(client_id)).first()
    if tool is None or unverified.get("sub") != client_id:
        return _oauth_error(
            "invalid_client", "unknown client (iss and sub must be the client_id)", 401
        )
    if header.get("alg") != "RS256":
        return _oauth_error(
            "invalid_client", "client_assertion must be signed with RS256", 401
        )
    try:
        key = _tool_key(tool, header.get("kid"))
    except (jwt.PyJWKClientError, jwt.InvalidTokenError, ValueError) as exc:
        return _oauth_error("invalid_client", f"cannot get the tool's key: {exc}", 401)
    token_url = public_url("lti_platform:token")
    try:
        claims = jwt.decode(
            assertion,
            key,
            algorithms=["RS256"],
            audience=[token_url, settings.LMS_PUBLIC_URL],
            options={"require": ["iss", "sub", "aud", "iat", "exp", "jti"]},
            leeway=5,
        )
    except jwt.InvalidTokenError as exc:
        return _oauth_error("invalid_client", f"client_assertion refused: {exc}", 401)
    lifetime = max(60, int(claims["exp"] - time.time()) + 10)
    if not cache.add(f"lti-platform:jti:{tool.pk}:{claims['jti']}", 1, lifetime):
        return _oauth_error("invalid_client", "client_assertion jti already used", 401)
    scopes = request.POST.get("scope", "").split()
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if not scopes or unknown:
        return _oauth_error(
            "invalid_scope",
            f"scopes not offered: {' '.join(unknown) or '(none asked)'}; "
            f"offered: {' '.join(SCOPES)}",
        )
    access = signing.dumps({"t": tool.pk, "s": scopes}, salt=TOKEN_SALT)
    response = JsonResponse(
        {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": ACCESS_TOKEN_AGE,
            "scope": " ".join(scopes),
        }
    )
    response.headers["Cache-Control"] = "no-store"
    return response


# --- Assignment and Grade Services 2.0 ------------------------------------------------


def _bearer(request, item: ContentItem, tool: LtiTool, scope: str):
    """``None`` when the request carries a valid token of ``tool`` with
    ``scope``; else the error response."""
    header = request.headers.get("Authorization", "")
    kind, _sep, value = header.partition(" ")
    if kind.lower() != "bearer" or not value:
        return _oauth_error(
            "invalid_token", "Authorization: Bearer <token> missing", 401
        )
    try:
        access = signing.loads(value.strip(), salt=TOKEN_SALT, max_age=ACCESS_TOKEN_AGE)
    except signing.BadSignature:
        return _oauth_error("invalid_token", "access token invalid or expired", 401)
    if access.get("t") != tool.pk:
        return _oauth_error("invalid_token", "the token is not for this tool", 401)
    if scope not in access.get("s", []):
        return _oauth_error(
            "insufficient_scope", f"the token lacks the scope {scope}", 403
        )
    return None


@require_GET
@csrf_exempt
def lineitem(request, item_id: int, page_id: int):
    item, tool = _lti_item(item_id)
    refused = _bearer(request, item, tool, SCOPE_LINEITEM_READ)
    if refused:
        return refused
    url = public_url("lti_platform:lineitem", item_id=item.pk, page_id=page_id)
    return JsonResponse(
        {
            "id": url,
            "scoreMaximum": 100,
            "label": item.title,
            "resourceLinkId": f"{item.pk}-{page_id}",
        },
        content_type=LINEITEM_TYPE,
    )


@require_POST
@csrf_exempt
def scores(request, item_id: int, page_id: int):
    item, tool = _lti_item(item_id)
    refused = _bearer(request, item, tool, SCOPE_SCORE)
    if refused:
        return refused
    content_type = request.content_type or ""
    if content_type not in (SCORE_TYPE, "application/json"):
        return _oauth_error("invalid_request", f"Content-Type must be {SCORE_TYPE}")
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return _oauth_error("invalid_request", "body is not JSON")
    if not isinstance(data, dict):
        return _oauth_error("invalid_request", "body is not a JSON object")
    identity = LtiIdentity.objects.filter(sub=str(data.get("userId"))).first()
    if identity is None:
        return _oauth_error("invalid_request", "unknown userId")
    learner = identity.user
    if not may_play(learner, item, page_id):
        return _oauth_error(
            "invalid_request", "the user is not a learner of this line item"
        )
    plugin = content_plugin(item.plugin_id)
    try:
        state = plugin.clean_state(config=item.config, data=data)
    except ValidationError as exc:
        return _oauth_error("invalid_request", " ".join(exc.messages))
    previous = ContentProgress.objects.filter(
        learner=learner, item=item, page_id=page_id
    ).first()
    previous_at = ((previous.state if previous else {}).get("score") or {}).get(
        "timestamp"
    )
    if previous_at and datetime.fromisoformat(previous_at) >= datetime.fromisoformat(
        state["score"]["timestamp"]
    ):
        return _oauth_error(
            "invalid_request",
            "a score with the same or a later timestamp is stored",
            409,
        )
    result = plugin.result(config=item.config, state=state)
    progress_record(
        learner=learner, item=item, page_id=page_id, state=state, result=result
    )
    return HttpResponse(status=204)
