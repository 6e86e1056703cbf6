"""The public JSON API, ``/api/v1/`` (django-ninja; OpenAPI at ``openapi.json``)."""
