"""The web tests' people and children (frozen on 12 March 2025) serve the API tests too."""

from oversight.web.tests.conftest import (  # noqa: F401 (shared fixtures)
    administrator,
    aisha,
    ben,
    cara,
    figures,
    frozen_today,
    inspector,
    manager,
    ofsted_outcomes,
    other_team,
    other_worker,
    senior_leader,
    service,
    team,
    worker,
)
