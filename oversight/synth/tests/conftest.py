"""One small synthetic LA, generated once for the synth tests and cleared after them.

Generation commits (it runs outside the per-test transaction), so the LA is shared
read-only by every test in this package and flushed when the package is done.
"""

from datetime import date

import pytest
from django.core.management import call_command

from oversight.synth import PROBLEMS, generate

TODAY = date(2026, 11, 26)
SEED = 7


@pytest.fixture(scope="package")
def small_la(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        report = generate(size="small", seed=SEED, problems=tuple(PROBLEMS), today=TODAY)
        yield report
        call_command("flush", verbosity=0, interactive=False)
