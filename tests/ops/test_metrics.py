"""``/metrics``: Prometheus text with request, task, verification and queue
figures that move when those things happen; closed to the public."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from certification.issuance.service import credential_issue
from certification.issuance.tasks import issue_credential
from lms.celery import ping
from tests.factories import UserFactory
from tests.issuance.conftest import make_eligible


def scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            key = (sample.name, tuple(sorted(sample.labels.items())))
            samples[key] = sample.value
    return samples


def value(samples, name, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_a_request_moves_the_request_counter_and_histogram(client, db):
    before = scrape(client)
    assert client.get("/health/live/").status_code == 200
    after = scrape(client)
    labels = {"view": "health_live", "method": "GET", "status": "200"}
    assert value(after, "lms_http_requests_total", **labels) == (
        value(before, "lms_http_requests_total", **labels) + 1
    )
    timing = {"view": "health_live", "method": "GET"}
    assert value(after, "lms_http_request_duration_seconds_count", **timing) == (
        value(before, "lms_http_request_duration_seconds_count", **timing) + 1
    )
    # An unknown URL is counted under the view that answered (the CMS's page
    # server), not under a label made of its path.
    client.get("/no-such-page-at-all/")
    samples = scrape(client)
    labels = {"view": "wagtail_serve", "method": "GET", "status": "404"}
    assert value(samples, "lms_http_requests_total", **labels) >= 1
    assert not any("no-such-page" in str(key) for key in samples)


def test_tasks_are_timed_and_their_failures_counted(client, db):
    before = scrape(client)
    assert ping.delay("hola").get() == "hola"
    # As a worker runs it: the failure is recorded, not raised to the caller.
    result = issue_credential.apply(args=[987654321], throw=False)
    assert result.state == "FAILURE"
    after = scrape(client)
    ok = {"task": "lms.ping", "state": "succeeded"}
    assert value(after, "lms_celery_tasks_total", **ok) == (
        value(before, "lms_celery_tasks_total", **ok) + 1
    )
    timing = {"task": "lms.ping"}
    assert value(after, "lms_celery_task_duration_seconds_count", **timing) == (
        value(before, "lms_celery_task_duration_seconds_count", **timing) + 1
    )
    failed = {"task": "certification.issue_credential", "state": "failed"}
    assert value(after, "lms_celery_tasks_total", **failed) == (
        value(before, "lms_celery_tasks_total", **failed) + 1
    )


def test_verifications_are_counted_by_kind_and_the_queue_depth_read(
    client, program, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        credential = credential_issue(user=make_eligible(program), program=program)
    before = scrape(client)
    assert client.get(f"/verify/{credential.public_id}/").status_code == 200
    assert client.get(f"/verify/{credential.public_id}/?via=code").status_code == 200
    assert client.get(f"/api/v1/credentials/{credential.public_id}").status_code == 200
    after = scrape(client)
    for kind in ("qr", "code", "api"):
        labels = {"kind": kind, "verdict": "valid"}
        assert value(after, "lms_verifications_total", **labels) == (
            value(before, "lms_verifications_total", **labels) + 1
        ), kind

    assert value(after, "lms_issuance_queue", state="waiting") == 0
    credential_issue(user=make_eligible(program), program=program)  # not built
    assert value(scrape(client), "lms_issuance_queue", state="waiting") == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"REMOTE_ADDR": "203.0.113.9"},
        {"HTTP_X_FORWARDED_FOR": "203.0.113.9"},  # relayed by a local proxy
        {"REMOTE_ADDR": "203.0.113.9", "HTTP_AUTHORIZATION": "Bearer wrong"},
    ],
)
def test_metrics_are_closed_to_the_public(client, db, settings, headers):
    settings.LMS_METRICS_TOKEN = "s3cret-token"
    response = client.get("/metrics", **headers)
    assert response.status_code == 403
    assert b"lms_http_requests" not in response.content


def test_a_token_or_a_staff_session_opens_them(client, db, settings):
    settings.LMS_METRICS_TOKEN = "s3cret-token"
    remote = {"REMOTE_ADDR": "203.0.113.9"}
    opened = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-token", **remote)
    assert opened.status_code == 200 and b"lms_http_requests_total" in opened.content
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/metrics", **remote).status_code == 200
    settings.LMS_METRICS_ALLOW_LOCALHOST = False
    client.logout()
    assert client.get("/metrics").status_code == 403
