"""What the platform's LTI endpoints refuse, with the reason, saving nothing
(no tool process needed: the tool side is played by the test)."""

import json
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.exceptions import ValidationError

from courses.models import LessonPage
from courses.services import enrolment_create
from plugins.content_admin import ContentItemForm
from plugins.lti_platform.models import LtiIdentity, LtiTool
from plugins.lti_platform.plugin import LtiPlugin
from plugins.models import ContentItem, ContentProgress
from tests.factories import UserFactory

SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
TOOL = "https://tool.example"


@pytest.fixture
def setup(db, course, settings, tmp_path, client):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.LMS_KEY_PASSPHRASE = "refusals passphrase"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tool = LtiTool.objects.create(
        name="Herramienta",
        login_url=f"{TOOL}/login",
        target_link_uri=f"{TOOL}/launch",
        public_key=key.public_key()
        .public_bytes(
            serialization.Encoding.PEM,
            serialization.PublicFormat.SubjectPublicKeyInfo,
        )
        .decode(),
    )
    item = ContentItem.objects.create(
        title="Externa",
        plugin_id="lti",
        config={"tool": tool.pk, "target_link_uri": "", "custom": {}},
        storage_prefix=ContentItem.new_prefix(),
    )
    lesson = LessonPage.objects.child_of(course).first()
    lesson.body = [("content", {"item": item})]
    lesson.save_revision().publish()
    learner = UserFactory(username="lti-refusals")
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    return tool, key, item, lesson, learner


def login_request(client, item, lesson) -> dict:
    answer = client.get(f"/lti/platform/launch/{item.pk}/{lesson.pk}/")
    assert answer.status_code == 302
    location = urlsplit(answer["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{TOOL}/login"
    login = {k: v[0] for k, v in parse_qs(location.query).items()}
    return {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": login["client_id"],
        "redirect_uri": login["target_link_uri"],
        "login_hint": login["login_hint"],
        "lti_message_hint": login["lti_message_hint"],
        "nonce": uuid.uuid4().hex,
        "state": uuid.uuid4().hex,
    }


def test_the_auth_endpoint_answers_a_good_request_with_a_signed_id_token(
    client, setup, settings
):
    tool, _key, item, lesson, _learner = setup
    answer = client.get("/lti/platform/auth", login_request(client, item, lesson))
    assert answer.status_code == 200
    assert "form-action https://tool.example" in answer["Content-Security-Policy"]
    body = answer.content.decode()
    token = body.split('name="id_token" value="')[1].split('"')[0]
    jwks = client.get("/lti/platform/jwks").json()
    key = jwt.PyJWK(jwks["keys"][0])
    claims = jwt.decode(token, key.key, algorithms=["RS256"], audience=tool.client_id)
    assert claims["iss"] == settings.LMS_PUBLIC_URL
    assert claims["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] == (
        tool.deployment_id
    )
    # The key is kept encrypted.
    pem = (settings.LMS_KEY_DIR / "lti" / "platform.pem").read_bytes()
    assert pem.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"client_id": "nobody"}, "unknown client_id"),
        ({"redirect_uri": "https://evil.example/"}, "redirect_uri is not registered"),
        ({"nonce": ""}, "nonce is missing"),
        ({"state": ""}, "state is missing"),
        ({"response_type": "code"}, "response_type must be id_token"),
        ({"lti_message_hint": "forged"}, "lti_message_hint is unknown"),
        ({"login_hint": "someone-else"}, "login_hint is not the signed-in user"),
    ],
)
def test_the_auth_endpoint_refuses_with_the_reason(client, setup, change, reason):
    _tool, _key, item, lesson, _learner = setup
    params = {**login_request(client, item, lesson), **change}
    answer = client.get("/lti/platform/auth", params)
    assert answer.status_code == 400
    assert reason in answer.content.decode()
    assert "<form" not in answer.content.decode()


def _access_token(client, tool, key, scope=SCORE) -> str:
    now = int(time.time())
    assertion = jwt.encode(
        {
            "iss": tool.client_id,
            "sub": tool.client_id,
            "aud": "http://testserver/lti/platform/token",
            "iat": now,
            "exp": now + 60,
            "jti": uuid.uuid4().hex,
        },
        key,
        algorithm="RS256",
    )
    answer = client.post(
        "/lti/platform/token",
        {
            "grant_type": "client_credentials",
            "client_assertion_type": (
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            ),
            "client_assertion": assertion,
            "scope": scope,
        },
    )
    assert answer.status_code == 200, answer.content
    return answer.json()["access_token"]


def _score(client, item, lesson, token, body, content_type=None):
    return client.post(
        f"/lti/platform/ags/{item.pk}/{lesson.pk}/lineitem/scores",
        data=json.dumps(body),
        content_type=content_type or "application/vnd.ims.lis.v1.score+json",
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )


def test_scores_are_refused_without_a_good_token_or_body(client, setup):
    tool, key, item, lesson, learner = setup
    client.get(f"/lti/platform/launch/{item.pk}/{lesson.pk}/")
    sub = LtiIdentity.objects.get(user=learner).sub
    body = {
        "userId": sub,
        "scoreGiven": 9,
        "scoreMaximum": 10,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": "2026-12-01T10:00:00Z",
    }
    assert _score(client, item, lesson, None, body).status_code == 401
    assert _score(client, item, lesson, "forged", body).status_code == 401
    readonly = _access_token(
        client,
        tool,
        key,
        scope="https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
    )
    assert _score(client, item, lesson, readonly, body).status_code == 403
    token = _access_token(client, tool, key)
    unknown = _score(client, item, lesson, token, {**body, "userId": "nobody"})
    assert (
        unknown.status_code == 400
        and "unknown userId" in unknown.json()["error_description"]
    )
    bad = _score(client, item, lesson, token, {**body, "scoreMaximum": 0})
    assert bad.status_code == 400 and "scoreMaximum" in bad.json()["error_description"]
    assert not ContentProgress.objects.exists()

    assert _score(client, item, lesson, token, body).status_code == 204
    progress = ContentProgress.objects.get(learner=learner)
    assert progress.completed and progress.score == 90
    older = _score(
        client,
        item,
        lesson,
        token,
        {**body, "scoreGiven": 1, "timestamp": "2026-01-01T00:00:00Z"},
    )
    assert older.status_code == 409
    progress.refresh_from_db()
    assert progress.score == 90
    lineitem = client.get(
        f"/lti/platform/ags/{item.pk}/{lesson.pk}/lineitem",
        headers={"Authorization": f"Bearer {readonly}"},
    )
    assert lineitem.status_code == 200 and lineitem.json()["label"] == "Externa"


def test_the_learner_cannot_post_a_score_as_player_state(client, setup):
    _tool, _key, item, lesson, learner = setup
    answer = client.post(
        f"/assessments/content/{item.pk}/{lesson.pk}/state/",
        data=json.dumps({"activityProgress": "Completed"}),
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert "reports its results itself" in answer.json()["reason"]
    assert not ContentProgress.objects.exists()


def test_the_content_form_configures_an_lti_item_without_package(db, setup):
    tool, *_rest = setup
    form = ContentItemForm(
        data={
            "title": "Otra",
            "plugin_id": "lti",
            "pass_mark": 70,
            "lti-tool": str(tool.pk),
            "lti-custom": "nivel=2\nmodo=práctica",
        }
    )
    assert form.is_valid(), form.errors
    item = form.save()
    assert item.config["custom"] == {"nivel": "2", "modo": "práctica"}
    assert item.original_name == ""
    missing = ContentItemForm(data={"title": "X", "plugin_id": "lti", "pass_mark": 70})
    assert not missing.is_valid() and "lti-tool" in missing.errors
    bad = ContentItemForm(
        data={
            "title": "X",
            "plugin_id": "lti",
            "pass_mark": 70,
            "lti-tool": str(tool.pk),
            "lti-custom": "sin signo igual",
        }
    )
    assert not bad.is_valid() and "lti-custom" in bad.errors
    scorm_without_package = ContentItemForm(
        data={"title": "X", "plugin_id": "scorm", "pass_mark": 70}
    )
    assert "package" in scorm_without_package.errors


def test_result_reads_the_ags_score():
    plugin = LtiPlugin()
    state = plugin.clean_state(
        config={},
        data={
            "scoreGiven": 3,
            "scoreMaximum": 4,
            "activityProgress": "InProgress",
            "gradingProgress": "Pending",
            "timestamp": "2026-12-01T10:00:00-03:00",
        },
    )
    assert state["score"]["timestamp"] == "2026-12-01T13:00:00+00:00"
    result = plugin.result(config={}, state=state)
    assert result.score == 75 and not result.completed and result.passed is None
    with pytest.raises(ValidationError):
        plugin.clean_state(config={}, data={"activityProgress": "Completed"})
