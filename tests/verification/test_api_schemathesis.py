"""The API against its own OpenAPI description (schemathesis, bounded).

The description is fetched from the application itself through WSGI; each
operation gets ``EXAMPLES_PER_OPERATION`` generated requests, with one real
credential in the database and the rate limits out of the way.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

EXAMPLES_PER_OPERATION = 25

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def connections_kept_open():
    """The WSGI handler closes the database connection after each request, which
    would end the test's transaction (on PostgreSQL): keep it open, as Django's
    own test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def generous_limits(settings):
    settings.LMS_VERIFY_RATE_LIMITS = {
        "lookup": (1_000_000, 60),
        "upload": (1_000_000, 60),
    }


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_openapi_description(
    case, issued, generous_limits, connections_kept_open
):
    """No 5xx, every status and body as described, for generated requests."""
    case.call_and_validate()
