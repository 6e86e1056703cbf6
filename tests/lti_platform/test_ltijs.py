"""End to end against an independent LTI 1.3 tool (ltijs on PostgreSQL): the
launch reaches the tool with an id_token ltijs accepts, the tool's score comes
back through AGS and completes the lesson; refusals save nothing."""

import html
import json
import re
import time
import uuid

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from courses.models import LessonCompletion
from plugins.lti_platform.models import LtiTool
from plugins.models import ContentProgress

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def browser_session(user) -> requests.Session:
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


def pre(text: str, element_id: str) -> dict:
    match = re.search(rf'<pre id="{element_id}">(.*?)</pre>', text, re.S)
    assert match, text[:2000]
    return json.loads(html.unescape(match.group(1)))


def launch(session, live_server, lesson, item, tool):
    """The learner's launch: lesson link → tool login → our auth endpoint →
    the auto-posted id_token → the tool's page."""
    answer = session.get(
        f"{live_server.url}/lti/platform/launch/{item.pk}/{lesson.pk}/", timeout=30
    )
    assert answer.status_code == 200, answer.text[:500] + tool.log.read_text()[-3000:]
    action = re.search(r'<form method="post" action="([^"]+)"', answer.text).group(1)
    fields = dict(re.findall(r'name="(id_token|state)" value="([^"]+)"', answer.text))
    tool_page = session.post(html.unescape(action), data=fields, timeout=30)
    assert tool_page.status_code == 200, (
        tool_page.text[:500] + tool.log.read_text()[-3000:]
    )
    ltik = re.search(r'name="ltik" value="([^"]+)"', tool_page.text).group(1)
    return pre(tool_page.text, "launch"), fields["id_token"], ltik


def test_launch_is_accepted_by_ltijs_and_its_grade_completes_the_lesson(
    live_server, lti_lesson, ltijs_tool
):
    lesson, item, learner = lti_lesson
    session = browser_session(learner)
    claims, id_token, ltik = launch(session, live_server, lesson, item, ltijs_tool)

    assert claims["iss"] == live_server.url
    assert claims["clientId"] == ltijs_tool.client_id
    assert claims["deploymentId"] == ltijs_tool.deployment_id
    assert claims["messageType"] == "LtiResourceLinkRequest"
    assert claims["version"] == "1.3.0"
    assert claims["roles"] == [
        "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
    ]
    assert claims["resource"]["id"] == f"{item.pk}-{lesson.pk}"
    assert claims["context"]["title"] == lesson.get_parent().title
    assert claims["custom"] == {"nivel": "1"}
    assert claims["endpoint"]["lineitem"] == (
        f"{live_server.url}/lti/platform/ags/{item.pk}/{lesson.pk}/lineitem"
    )
    assert SCORE in claims["endpoint"]["scope"]
    assert str(learner.pk) != claims["user"]  # an opaque sub, not the user id
    # ltijs refuses an id_token it has seen (nonce): the same post fails.
    again = session.post(f"{ltijs_tool.url}/", data={"id_token": id_token})
    assert again.status_code != 200 or 'id="launch"' not in again.text
    assert not ContentProgress.objects.filter(learner=learner).exists()

    graded = session.post(
        f"{ltijs_tool.url}/grade", data={"ltik": ltik, "scoreGiven": "85"}, timeout=30
    )
    outcome = pre(graded.text, "grade")
    assert outcome["ok"], outcome
    progress = ContentProgress.objects.get(learner=learner, item=item)
    assert progress.completed and progress.score == 85 and progress.passed
    assert progress.state["score"]["gradingProgress"] == "FullyGraded"
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).exists()


def test_a_tool_whose_key_the_platform_does_not_trust_gets_no_token(
    live_server, lti_lesson, ltijs_tool
):
    lesson, item, learner = lti_lesson
    session = browser_session(learner)
    _claims, _token, ltik = launch(session, live_server, lesson, item, ltijs_tool)
    # The registration now names another key set than the tool signs with.
    LtiTool.objects.filter(pk=ltijs_tool.pk).update(
        jwks_url=f"{live_server.url}/lti/platform/jwks"
    )
    graded = session.post(
        f"{ltijs_tool.url}/grade", data={"ltik": ltik, "scoreGiven": "85"}, timeout=30
    )
    outcome = pre(graded.text, "grade")
    assert not outcome["ok"]
    assert "401" in outcome["error"]
    assert not ContentProgress.objects.filter(learner=learner).exists()


def _assertion(client_id, key, aud, **extra):
    now = int(time.time())
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": aud,
        "iat": now,
        "exp": now + 60,
        "jti": uuid.uuid4().hex,
        **extra,
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})


def _token_request(live_server, assertion, scope=SCORE):
    return requests.post(
        f"{live_server.url}/lti/platform/token",
        data={
            "grant_type": "client_credentials",
            "client_assertion_type": (
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            ),
            "client_assertion": assertion,
            "scope": scope,
        },
        timeout=30,
    )


def test_an_assertion_not_signed_by_the_tools_key_is_refused(live_server, ltijs_tool):
    """The tool's keys come from ltijs's own JWKS; a forged assertion fails."""
    forged = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token_url = f"{live_server.url}/lti/platform/token"
    answer = _token_request(
        live_server, _assertion(ltijs_tool.client_id, forged, token_url)
    )
    assert answer.status_code == 401
    assert answer.json()["error"] == "invalid_client"
    unknown = _token_request(live_server, _assertion("nobody", forged, token_url))
    assert unknown.status_code == 401
    assert "unknown client" in unknown.json()["error_description"]


def test_token_endpoint_checks_audience_replay_and_scope(
    live_server, public_url, key_dir
):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    tool = LtiTool.objects.create(
        name="Con clave",
        login_url="https://tool.example/login",
        target_link_uri="https://tool.example/",
        public_key=pem.decode(),
    )
    token_url = f"{live_server.url}/lti/platform/token"
    wrong_aud = _token_request(
        live_server, _assertion(tool.client_id, key, "https://elsewhere.example/")
    )
    assert wrong_aud.status_code == 401 and "audience" in wrong_aud.text.lower()
    wrong_scope = _token_request(
        live_server,
        _assertion(tool.client_id, key, token_url),
        scope="https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
    )
    assert wrong_scope.status_code == 400
    assert wrong_scope.json()["error"] == "invalid_scope"
    assertion = _assertion(tool.client_id, key, token_url)
    good = _token_request(live_server, assertion)
    assert good.status_code == 200, good.text
    assert good.json()["token_type"] == "Bearer" and good.json()["scope"] == SCORE
    replay = _token_request(live_server, assertion)
    assert replay.status_code == 401 and "jti" in replay.json()["error_description"]
