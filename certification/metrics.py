"""The certification layer's metrics (see lms.observability.metrics): the
depth of the issuance queue, read from the database at each scrape."""

from __future__ import annotations

from prometheus_client.core import GaugeMetricFamily

from lms.observability.metrics import VERIFICATIONS, scrape_collector_register

# The verification log's methods, as the metric names their kinds.
VERIFICATION_KINDS = {"qr": "qr", "page": "code", "upload": "upload", "api": "api"}


def issuance_queue_collect():
    from certification.issuance.queue import STATES, issuance_queue_counts

    counts = issuance_queue_counts()
    gauge = GaugeMetricFamily(
        "lms_issuance_queue",
        "Credentials in the issuance queue, by state (waiting, running, failed; "
        "retried: took more than one attempt).",
        labels=["state"],
    )
    for state in STATES:
        gauge.add_metric([state], counts[state])
    yield gauge


def verification_count(method: str, verdict: str) -> None:
    VERIFICATIONS.labels(VERIFICATION_KINDS.get(method, method), verdict).inc()


def metrics_register() -> None:
    """Called by ``CertificationConfig.ready``."""
    scrape_collector_register("issuance_queue", issuance_queue_collect)
