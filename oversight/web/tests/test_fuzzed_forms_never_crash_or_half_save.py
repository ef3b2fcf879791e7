"""Two forms fuzzed (hypothesis): the visit form and the record-an-inspection form.

Whatever is posted, the answer is never a server error, and a form sent back with errors
has written nothing.
"""

import re
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oversight.web.tests.test_recording_an_inspection_through_the_form import (
    inspection_form,
    reading,  # noqa: F401 (the fixture: Reading, this deployment's LA)
)
from oversight.web.tests.test_recording_work_through_the_forms import visit_form

FUZZ = settings(
    max_examples=100,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PLAUSIBLE = st.sampled_from([
    "", "cin", "cp", "cla", "care_leaver", "yes", "no", "true", "on", "1", "0", "2", "3", "12",
    "31", "13", "2025", "2024", "1900", "9999", "-1", "good", "outstanding", "inadequate",
    "requires_improvement", "standard", "short", "focused", "80474", "E06000038",
])  # fmt: skip
VALUE = st.one_of(PLAUSIBLE, st.text(max_size=40), st.lists(PLAUSIBLE, max_size=3))
CASES = {"posted": 0, "saved": 0, "refused": 0}


def field_names(page: str) -> list[str]:
    names = set(re.findall(r'name="([^"]+)"', page)) - {"csrfmiddlewaretoken"}
    return sorted(names)


def posts(names: list[str], valid: dict) -> st.SearchStrategy[dict]:
    """A valid form with some fields changed (or dropped), or fields posted at random."""
    changes = st.dictionaries(st.sampled_from(names), st.one_of(VALUE, st.none()), max_size=4)
    changed = changes.map(lambda c: {k: v for k, v in (valid | c).items() if v is not None})
    anything = st.dictionaries(st.sampled_from(names), VALUE, max_size=len(names))
    return st.one_of(changed, anything)


def fuzz_form(client, url: str, counted: list, valid: dict) -> None:
    names = field_names(client.get(url).content.decode())
    assert names, f"no fields found on {url}"

    @FUZZ
    @given(data=posts(names, valid))
    def post(data):
        before = [model.objects.count() for model in counted]
        response = client.post(url, data)
        CASES["posted"] += 1
        assert response.status_code < 500
        if response.status_code == 302:
            CASES["saved"] += 1
        else:
            CASES["refused"] += 1
            assert [model.objects.count() for model in counted] == before, "partial write"

    post()


def test_the_visit_form_survives_anything_posted(signed_in, worker, aisha):
    url = reverse("web:record-visit", args=[aisha.pk])
    counted = list(apps.get_app_config("casework").get_models())
    fuzz_form(signed_in(worker), url, counted, visit_form(date(2025, 3, 12)))


def test_the_record_an_inspection_form_survives_anything_posted(
    signed_in,
    senior_leader,
    reading,  # noqa: F811 (the imported fixture)
):
    counted = list(apps.get_app_config("inspection").get_models())
    url = reverse("web:inspection-record")
    fuzz_form(signed_in(senior_leader), url, counted, inspection_form())


@pytest.mark.parametrize("_", [None])
def test_zz_report_the_fuzz_cases(_):
    print(f"form fuzz cases: {CASES}")
