"""Fixtures of the LTI tool tests: the independent test platform
(tests/lti/platform.py) on a real HTTP port, registered in the tool, and a
``requests`` session playing the browser against ``live_server``."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
import requests
from django.core.cache import cache

from tests.lti.platform import TestPlatform, auth_url, jwks_url, token_url


class Forms(HTMLParser):
    """Every form of a page: action, method and the values it would send."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "id": attrs.get("id", ""),
                    "action": attrs.get("action", ""),
                    "method": (attrs.get("method") or "get").lower(),
                    "fields": [],
                }
            )
        elif tag == "input" and self.forms:
            self.forms[-1]["fields"].append(
                (attrs.get("name"), attrs.get("value", ""), attrs.get("type", "text"))
            )


def forms_of(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def submit(session, response, form: dict, extra=()):
    """Send ``form`` as a browser would (hidden fields, plus ``extra``)."""
    data = [(n, v) for n, v, kind in form["fields"] if n and kind == "hidden"]
    data += list(extra)
    action = urljoin(response.url, form["action"] or response.url)
    if form["method"] == "post":
        return session.post(action, data=data, allow_redirects=True)
    return session.get(action, params=data, allow_redirects=True)


def follow_autosubmits(session, response, limit=5):
    """Submit the page's auto-submitting form while there is one (what the
    page's script does in a browser)."""
    for _ in range(limit):
        forms = [
            f
            for f in forms_of(response.text)
            if f["id"] in ("autosubmit", "lti-deep-link-return")
        ]
        if not forms or response.status_code != 200:
            return response
        response = submit(session, response, forms[0])
    return response


@pytest.fixture
def test_platform(live_server):
    cache.clear()
    platform = TestPlatform().start(live_server.url)
    yield platform
    platform.stop()


@pytest.fixture
def registration(test_platform):
    from plugins.lti_tool.models import Platform

    return Platform.objects.create(
        name="Moodle de la institución",
        issuer=test_platform.issuer,
        client_id=test_platform.client_id,
        auth_login_url=auth_url(test_platform),
        auth_token_url=token_url(test_platform),
        key_set_url=jwks_url(test_platform),
        deployment_ids=f"otro\n{test_platform.deployment_id}",
        country="CL",
    )


@pytest.fixture
def browser():
    with requests.Session() as session:
        yield session
