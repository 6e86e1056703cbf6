"""The platform layer: settings, URLs, Celery app, accounts and reference data."""

from .celery import app as celery_app

__all__ = ["celery_app"]
