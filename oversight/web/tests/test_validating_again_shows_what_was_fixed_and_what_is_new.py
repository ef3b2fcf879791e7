"""A return validated again is compared with the run before it of the same return: what
was fixed, what is new, what is still there, each a click away.

First file: Aisha (A100) has an unknown sex code (4180) and Cara (C300) no date of birth
(8525Q). The corrected file, saved under a new name: Aisha is fixed, Cara is not, and
Z999 is added with an unknown sex code. So one fixed, one new, one still there.
"""

import pytest
from django.urls import reverse

from oversight.web.tests.helpers import text
from oversight.web.tests.returns_uploads import (
    census_of,
    ssda903_upload,
    uploaded_run,
)


def first_file():
    return census_of("census.xml", A100={"Sex": "X"}, C300={"PersonBirthDate": None})


def corrected_file():
    return census_of("census v2.xml", A100={}, C300={"PersonBirthDate": None}, Z999={"Sex": "X"})


@pytest.fixture
def runs(analyst, signed_in, aisha, cara):
    client = signed_in(analyst)
    first = uploaded_run(client, first_file())
    return client, first, uploaded_run(client, corrected_file())


def rows(client, run, change) -> str:
    page = text(client.get(reverse("web:return-run", args=[run.pk]), {"change": change}))
    return page.split("Since the previous run", 2)[-1]


def test_the_later_run_counts_what_was_fixed_and_what_is_new(runs):
    client, first, later = runs
    assert (later.earlier, later.compared, later.fixed, later.new) == (first, True, 1, 1)
    page = text(client.get(reverse("web:return-run", args=[later.pk])))
    assert "1 finding fixed" in page and "1 new finding" in page and "1 still there" in page


def test_each_change_is_listed_on_its_own(runs):
    client, _, later = runs
    assert "4180 Error A100 Safeguarding 1 census.xml, line 18 Sex=X" in rows(
        client, later, "fixed"
    )
    assert "Fixed" in rows(client, later, "fixed")
    assert "Z999" in rows(client, later, "new") and "C300" not in rows(client, later, "new")
    assert "8525Q Query C300" in rows(client, later, "still")


def test_every_finding_shown_by_default_is_of_this_run_not_the_fixed_ones(runs):
    client, _, later = runs
    page = text(client.get(reverse("web:return-run", args=[later.pk])))
    assert "2 findings." in page
    assert "A100" not in page.split("2 findings.")[1]


def test_the_first_run_of_a_return_is_compared_with_nothing(runs):
    client, first, _ = runs
    assert not first.compared
    page = text(client.get(reverse("web:return-run", args=[first.pk])))
    assert "Since the previous run" not in page


def test_the_comparison_outlives_the_earlier_run(runs):
    client, first, later = runs
    client.post(reverse("web:delete-return-run", args=[first.pk]))
    page = text(client.get(reverse("web:return-run", args=[later.pk])))
    assert "Since the previous run of this return (since deleted): 1 finding fixed" in page
    assert "A100" in rows(client, later, "fixed")


def test_another_return_is_not_compared_with_the_census(runs):
    client, _, _ = runs
    run = uploaded_run(client, ssda903_upload(), kind="ssda903")
    assert not run.compared and run.earlier is None


def test_re_validating_opens_the_upload_form_for_the_same_return(runs):
    client, _, later = runs
    run = uploaded_run(client, ssda903_upload(), kind="ssda903")
    page = client.get(reverse("web:return-run", args=[run.pk])).content.decode()
    again = f"{reverse('web:returns')}?kind=ssda903&amp;year=2025-26"
    assert again in page
    form = client.get(reverse("web:returns"), {"kind": "ssda903", "year": "2025-26"})
    assert 'value="ssda903" checked' in form.content.decode()
