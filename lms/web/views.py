from lms.web.health import health

__all__ = ["health"]
