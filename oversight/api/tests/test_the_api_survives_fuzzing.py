"""The API fuzzed from its own OpenAPI description (schemathesis): no server error, and
every answer that claims success matches the schema it documents.

Generated requests are sent by a signed-in senior leader (who may read most endpoints)
to the Django WSGI application in-process, on the frozen day with refreshed figures.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from oversight.config.wsgi import application
from oversight.web.tests.conftest import signed_in  # noqa: F401 (the shared sign-in)

EXAMPLES = 50  # per operation: the whole run stays under a minute
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def connection_kept_open():
    """Keep the test's database connection across requests, as Django's test client does.

    A real WSGI request closes old connections when it starts and ends; in a test, that
    would close the connection holding the test's transaction (PostgreSQL).
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def session_cookie(signed_in, senior_leader, figures) -> dict[str, str]:  # noqa: F811
    client = signed_in(senior_leader)
    return {name: morsel.value for name, morsel in client.cookies.items()}


def fuzz(operation, cookies: dict[str, str], found: list[str]) -> list[int]:
    """Send ``EXAMPLES`` generated requests to one operation; return the statuses answered."""
    sent = []

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case):
        # The WSGI client's own cookie jar would override a Cookie header: set the case's.
        case.cookies = {**(case.cookies or {}), **cookies}
        response = case.call_and_validate(checks=CHECKS)
        sent.append(response.status_code)

    try:
        run()
    except Exception as error:  # noqa: BLE001 (reported with the operation)
        found.append(f"{operation.method.upper()} {operation.path}: {error}")
    return sent


def test_no_generated_request_gets_a_server_error_or_a_reply_off_its_schema(session_cookie):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    found: list[str] = []
    statuses: list[int] = []
    for result in schema.get_all_operations():
        statuses += fuzz(result.ok(), session_cookie, found)
    counts = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"schemathesis: {len(statuses)} requests, answered {counts}")
    assert found == [], "\n\n".join(found)
    assert counts.get(200, 0) > 0  # signed in: the generated requests reach the endpoints
