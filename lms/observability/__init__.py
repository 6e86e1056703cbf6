"""Observability of the platform: liveness stamps of the workers and of the
scheduler (read by ``/health/``), Prometheus metrics (``/metrics``), JSON logs
carrying a request id into the tasks a request starts, and optional Sentry.

See docs/operations.md.
"""
