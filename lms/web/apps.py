from django.apps import AppConfig


class WebConfig(AppConfig):
    """Site-wide template tags and views (language switcher, health check)."""

    name = "lms.web"
    label = "web"
