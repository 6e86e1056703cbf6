"""The API against its own OpenAPI description (schemathesis, bounded).

The description is fetched from the application itself through WSGI; each
operation gets ``EXAMPLES_PER_OPERATION`` generated requests, with one real
credential in the database and the rate limits out of the way.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

EXAMPLES_PER_OPERATION = 25

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


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
def test_api_conforms_to_its_openapi_description(case, issued, generous_limits):
    """No 5xx, every status and body as described, for generated requests."""
    case.call_and_validate()
