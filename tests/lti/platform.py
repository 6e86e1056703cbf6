"""A small LTI 1.3 platform (the LMS side) built on the independent
``lti1p3platform`` library, served over real HTTP from a thread.

It plays what Moodle or Canvas would: its pages start the OIDC login of a
resource link or a deep linking request, its authorisation endpoint answers
with a signed id_token in an auto-submitting form, it serves its JWKS and an
OAuth 2 token endpoint (client credentials with a JWT client assertion, both
checked by the library against the tool's JWKS), validates deep linking
responses, and records the AGS scores it receives.
"""

from __future__ import annotations

import html
import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlencode, urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration
from lti1p3platform.request import Request

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def rsa_pem_pair() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    public = (
        key.public_key()
        .public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        .decode()
    )
    return private, public


class DictRequest(Request):
    def build_metadata(self, request):
        return request


class PlatformConf(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, **kwargs):
        self._registration = kwargs["registration"]

    def get_registration_by_params(self, **kwargs):
        return self._registration


class Login(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class Launch(LTIAdvantageMessageLaunchAbstract):
    def render_launch_form(self, launch_data, **kwargs):
        return autosubmit_form(
            launch_data["launch_url"],
            {"id_token": launch_data["id_token"], "state": launch_data["state"]},
        )


def autosubmit_form(action: str, fields: dict, method: str = "post") -> str:
    inputs = "".join(
        f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(str(v))}">'
        for k, v in fields.items()
    )
    return (
        "<!doctype html><html><head><title>Plataforma de prueba</title></head><body>"
        f'<form id="autosubmit" method="{method}" action="{html.escape(action)}">'
        f"{inputs}<noscript><button>Continuar</button></noscript></form>"
        "<script>document.getElementById('autosubmit').submit()</script>"
        "</body></html>"
    )


@dataclass
class ResourceLink:
    id: str
    title: str
    custom: dict
    #: A line item (AGS) for this link; created with the link when set.
    score_maximum: float | None = None


@dataclass
class User:
    sub: str
    name: str
    email: str = ""
    roles: list = field(
        default_factory=lambda: [
            "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
        ]
    )


class TestPlatform:
    """Start with :meth:`start`; ``url`` is its base address (``localhost``,
    the tool's own host name in tests, so cookies stay same-site)."""

    client_id = "tool-client-1"
    deployment_id = "deployment-1"

    def __init__(self):
        self.private_pem, self.public_pem = rsa_pem_pair()
        self.links: dict[str, ResourceLink] = {}
        self.users: dict[str, User] = {}
        self.scores: list[dict] = []
        self.token_requests: list[dict] = []
        self.deep_link_items: list[dict] = []
        self.deep_link_errors: list[str] = []
        #: HTTP statuses to answer the next score posts with, in order.
        self.score_failures: list[int] = []
        self.score_requests = 0
        #: Test knobs: ``expired``, ``foreign_key``, ``deployment`` override.
        self.tamper: dict = {}
        self.tool_base = ""
        self._pending: dict[str, dict] = {}
        self._server: ThreadingHTTPServer | None = None

    # --- set-up -----------------------------------------------------------
    def start(self, tool_base: str) -> TestPlatform:
        self.tool_base = tool_base.rstrip("/")
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://localhost:{self._server.server_address[1]}"

    @property
    def issuer(self) -> str:
        return self.url

    def tool_url(self, name: str) -> str:
        return f"{self.tool_base}/lti/tool/{name}/"

    def registration(self, *, private_pem: str | None = None) -> Registration:
        return (
            Registration()
            .set_iss(self.issuer)
            .set_client_id(self.client_id)
            .set_deployment_id(self.tamper.get("deployment", self.deployment_id))
            .set_oidc_login_url(self.tool_url("login"))
            .set_launch_url(self.tool_url("launch"))
            .set_deeplink_launch_url(self.tool_url("launch"))
            .set_tool_key_set_url(self.tool_url("jwks"))
            .set_platform_public_key(self.public_pem)
            .set_platform_private_key(private_pem or self.private_pem)
        )

    def conf(self, **kwargs) -> PlatformConf:
        return PlatformConf(registration=self.registration(**kwargs))

    def add_link(self, title: str, custom: dict, score_maximum=None) -> ResourceLink:
        link = ResourceLink(str(uuid.uuid4()), title, custom, score_maximum)
        self.links[link.id] = link
        return link

    def add_user(self, sub: str, name: str, email: str = "") -> User:
        self.users[sub] = User(sub, name, email)
        return self.users[sub]

    # --- what a page of the platform does --------------------------------
    def login_start_url(self, link_id: str, sub: str) -> str:
        """Where the platform sends the browser to launch ``link_id`` (the
        tool's login initiation URL with iss, login_hint...)."""
        login = Login(None, self.conf())
        login.set_lti_message_hint(hint=link_id)
        return login.initiate_login(sub)

    def lineitem_url(self, link_id: str) -> str:
        return f"{self.url}/lineitems/{link_id}"

    def _authorize(self, params: dict) -> str:
        """The OIDC authorisation endpoint: a signed launch for the hint."""
        hint = params.get("lti_message_hint", "")
        user = self.users[params["login_hint"]]
        conf = self.conf(private_pem=self.tamper.get("foreign_key"))
        launch = Launch(DictRequest({"get_data": params, "form_data": {}}), conf)
        launch.set_user_data(
            user.sub, user.roles, full_name=user.name, email_address=user.email or None
        )
        given, _sep, family = user.name.partition(" ")
        launch.set_extra_claims({"given_name": given, "family_name": family})
        launch.set_launch_context_claim("course-101", context_title="Curso externo")
        if hint == "deep-link":
            launch.set_dl(f"{self.url}/deep-link-return", title="Elegir")
        else:
            link = self.links[hint]
            launch.set_resource_link_claim(link.id, title=link.title)
            launch.set_custom_parameters_claim(link.custom)
            if link.score_maximum is not None:
                launch.set_ags(
                    lineitems_url=f"{self.url}/lineitems",
                    lineitem_url=self.lineitem_url(link.id),
                    allow_creating_lineitems=False,
                )
        if "expired" in self.tamper:
            launch.set_id_token_expiration(-120)
        return launch.lti_launch()

    # --- HTTP ----------------------------------------------------------------
    def _handler(self):
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body, content_type="text/html; charset=utf-8"):
                data = body.encode() if isinstance(body, str) else body
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _json(self, status, value):
                self._send(status, json.dumps(value), "application/json")

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self):
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                try:
                    if parts.path == "/jwks":
                        return self._json(200, platform.conf().get_jwks())
                    if parts.path == "/authorize":
                        return self._send(200, platform._authorize(query))
                    if parts.path.startswith("/launch/"):
                        # A course page of the platform: the learner's click
                        # posts the login initiation to the tool.
                        url = platform.login_start_url(
                            parts.path.split("/")[2], query["user"]
                        )
                        action, _sep, qs = url.partition("?")
                        return self._send(
                            200, autosubmit_form(action, dict(parse_qsl(qs)))
                        )
                except Exception as exc:  # noqa: BLE001 - shown to the test
                    return self._send(500, f"platform error: {exc!r}")
                return self._send(404, "not found")

            def do_POST(self):
                parts = urlsplit(self.path)
                body = self._body()
                try:
                    if parts.path == "/authorize":
                        form = dict(parse_qsl(body.decode()))
                        return self._send(200, platform._authorize(form))
                    if parts.path == "/token":
                        form = dict(parse_qsl(body.decode()))
                        platform.token_requests.append(form)
                        conf = platform.conf()
                        return self._json(200, conf.get_access_token(form))
                    if parts.path == "/deep-link-return":
                        form = dict(parse_qsl(body.decode()))
                        conf = platform.conf()
                        try:
                            items = conf.validate_deeplinking_resp(form)
                        except Exception as exc:  # noqa: BLE001
                            platform.deep_link_errors.append(repr(exc))
                            return self._send(400, f"rejected: {exc!r}")
                        platform.deep_link_items.extend(items)
                        for item in items:
                            link = platform.add_link(
                                item["title"],
                                item.get("custom") or {},
                                (item.get("lineItem") or {}).get("scoreMaximum"),
                            )
                            item["_link_id"] = link.id
                        titles = "".join(
                            f"<li>{html.escape(i['title'])}</li>" for i in items
                        )
                        return self._send(
                            200, f"<h1>Contenido agregado</h1><ul>{titles}</ul>"
                        )
                    if parts.path.startswith("/lineitems/") and parts.path.endswith(
                        "/scores"
                    ):
                        platform.score_requests += 1
                        if platform.score_failures:
                            status = platform.score_failures.pop(0)
                            return self._json(status, {"error": "unavailable"})
                        auth = self.headers.get("Authorization", "")
                        token = auth.removeprefix("Bearer ").strip()
                        conf = platform.conf()
                        conf.get_registration()
                        if not conf.validate_token(token, allowed_scopes=[SCORE_SCOPE]):
                            return self._json(403, {"error": "scope"})
                        score = json.loads(body)
                        score["_lineitem"] = parts.path.removesuffix("/scores")
                        score["_content_type"] = self.headers.get("Content-Type")
                        platform.scores.append(score)
                        return self._json(200, {})
                except Exception as exc:  # noqa: BLE001 - shown to the test
                    return self._send(400, f"platform error: {exc!r}")
                return self._send(404, "not found")

        return Handler


def token_url(platform: TestPlatform) -> str:
    return f"{platform.url}/token"


def auth_url(platform: TestPlatform) -> str:
    return f"{platform.url}/authorize"


def jwks_url(platform: TestPlatform) -> str:
    return f"{platform.url}/jwks"


__all__ = ["TestPlatform", "auth_url", "jwks_url", "token_url", "urlencode"]
