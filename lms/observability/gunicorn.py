"""gunicorn hook for Prometheus's multi-process mode.

    PROMETHEUS_MULTIPROC_DIR=/run/lms-metrics \\
        gunicorn -c python:lms.observability.gunicorn lms.wsgi

(with your other options on the command line). ``PROMETHEUS_MULTIPROC_DIR``
must exist, be shared by the web processes (and the Celery workers of the host
whose task figures ``/metrics`` should include), and be emptied before any of
them starts; see docs/operations.md.
"""


def child_exit(server, worker):
    """A web process that exited stops counting in the live gauges."""
    from lms.observability.metrics import mark_process_dead

    mark_process_dead(worker.pid)
