"""An independent LTI 1.3 tool (ltijs, tests/interop/lti_tool.mjs) started per
test, with its own throwaway PostgreSQL database, registered with the platform
under ``live_server``; and a lesson embedding it."""

import json
import os
import select
import socket
import subprocess
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest

from courses.models import LessonPage
from courses.services import enrolment_create
from plugins.lti_platform.models import LtiTool
from plugins.models import ContentItem
from tests.factories import UserFactory
from tests.interop import HERE, node_available

POSTGRES = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def public_url(settings, live_server):
    """The issuer and every platform address is ``live_server``'s."""
    settings.LMS_PUBLIC_URL = live_server.url
    settings.CSRF_TRUSTED_ORIGINS = [live_server.url]
    return live_server.url


@pytest.fixture
def key_dir(settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.LMS_KEY_PASSPHRASE = "lti platform test passphrase"
    return settings.LMS_KEY_DIR


@contextmanager
def running_ltijs(tool: LtiTool, *, port: int, issuer: str, log: Path):
    """ltijs on ``port`` of ``localhost`` (the same site as ``live_server``:
    its Lax state cookie comes back on the form post), with ``issuer``
    registered as its platform under ``tool``'s client id; ``tool`` gets
    ``url`` and ``log`` (ltijs's debug log, for a failing test)."""
    if not node_available():
        pytest.fail("Node.js or tests/interop/node_modules missing: run npm ci")
    database = f"lti_tool_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    config = {
        "port": port,
        "issuer": issuer,
        "clientId": tool.client_id,
        "authUrl": f"{issuer}/lti/platform/auth",
        "tokenUrl": f"{issuer}/lti/platform/token",
        "jwksUrl": f"{issuer}/lti/platform/jwks",
        "database": database,
    }
    stream = log.open("w")
    process = subprocess.Popen(
        ["node", str(HERE / "lti_tool.mjs"), json.dumps(config)],
        cwd=HERE,
        stdout=subprocess.PIPE,
        stderr=stream,
        text=True,
        env={**os.environ, "DEBUG": "provider:*"},
    )
    try:
        deadline = time.monotonic() + 60
        started = False  # ltijs-sequelize logs its migrations on stdout too
        while not started and time.monotonic() < deadline and process.poll() is None:
            ready, _w, _x = select.select([process.stdout], [], [], 1)
            if ready:
                started = process.stdout.readline().startswith('{"ready":true')
        if not started:
            process.kill()
            pytest.fail(f"ltijs tool did not start: {log.read_text()[-2000:]}")
        tool.url = f"http://localhost:{port}"
        tool.log = log
        yield tool
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        stream.close()
        with psycopg.connect(POSTGRES, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture
def ltijs_tool(public_url, key_dir, db, tmp_path):
    """A tool registered with the platform, and ltijs running as that tool."""
    port = free_port()
    url = f"http://localhost:{port}"
    tool = LtiTool.objects.create(
        name="Herramienta ltijs",
        login_url=f"{url}/login",
        target_link_uri=f"{url}/",
        jwks_url=f"{url}/keys",
    )
    with running_ltijs(
        tool, port=port, issuer=public_url, log=tmp_path / "ltijs.log"
    ) as running:
        yield running


@pytest.fixture
def lti_lesson(course, ltijs_tool):
    """A lesson of ``course`` embedding the tool, and an enrolled learner."""
    item = ContentItem.objects.create(
        title="Actividad externa",
        plugin_id="lti",
        config={"tool": ltijs_tool.pk, "target_link_uri": "", "custom": {"nivel": "1"}},
        storage_prefix=ContentItem.new_prefix(),
        pass_mark=70,
    )
    lesson = LessonPage.objects.child_of(course).first()
    lesson.body = [("content", {"item": item})]
    lesson.save_revision().publish()
    learner = UserFactory(username="lti-learner")
    enrolment_create(user=learner, course=course)
    return lesson, item, learner
