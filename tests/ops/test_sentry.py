"""With ``SENTRY_DSN`` set, the real SDK reports an exception in a view to
that server: here an HTTP server the test starts on loopback."""

import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import zlib

from django.conf import settings

PROBE = (
    "import django; django.setup();"
    "import sentry_sdk;"
    "from django.test import Client, override_settings;"
    "client = Client(raise_request_exception=False);"
    "ctx = override_settings(ROOT_URLCONF='tests.ops.sentry_urls');"
    "ctx.enable(); status = client.get('/fails/').status_code; ctx.disable();"
    "sentry_sdk.flush(timeout=20); print(status)"
)


def decoded(body: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "deflate":
        return zlib.decompress(body)
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    return body


def test_an_exception_in_a_view_is_posted_to_the_dsn_server():
    received = []

    class Collector(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            encoding = self.headers.get("Content-Encoding", "")
            received.append((self.path, decoded(body, encoding)))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("SENTRY_")},
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/42",
            "SENTRY_ENVIRONMENT": "test-probe",
        }
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [sys.executable, "-c", PROBE],
            env=env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "500"
    envelopes = [body for path, body in received if path == "/api/42/envelope/"]
    assert envelopes, received
    items = [
        json.loads(line)
        for body in envelopes
        for line in body.decode().splitlines()
        if line.startswith("{")
    ]
    events = [item for item in items if "exception" in item]
    assert events, items
    (event,) = events
    (exception,) = event["exception"]["values"]
    assert exception["type"] == "RuntimeError"
    assert "sentry probe" in exception["value"]
    assert event["environment"] == "test-probe"
    assert event["transaction"].endswith("failing_view") or "/fails/" in str(event)
    assert "user" not in event or not event["user"].get("ip_address")
