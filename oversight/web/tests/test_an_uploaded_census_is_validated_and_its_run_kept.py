"""An uploaded CIN census is validated, its run stored and shown: counts, findings, teams.

The census has Aisha (A100, Safeguarding 1), Cara (C300, Safeguarding 2) and Z999, who has
no record, each with a sex code that does not exist (4180, an error) and no date of birth
(8525Q, a query): 3 errors and 3 queries.
"""

from django.urls import reverse

from oversight.accounts.models import AccessEvent, ListedChild
from oversight.exchange.validation_runs.models import RunSource
from oversight.web.tests.helpers import text
from oversight.web.tests.returns_uploads import census_file, uploaded_run
from oversight.web.tests.test_pages_keep_to_the_content_security_policy import (
    inline_css_and_scripts,
)


def census(name="census 2025-26.xml"):
    return census_file("A100", "C300", "Z999", name=name, Sex="X", PersonBirthDate=None)


def test_an_uploaded_census_is_stored_as_a_run_with_its_counts(analyst, signed_in, aisha, cara):
    run = uploaded_run(signed_in(analyst), census())
    assert (run.kind, run.year, run.source, run.by) == ("cin-census", "2025-26", RunSource.UPLOAD,
                                                         analyst)  # fmt: skip
    assert run.files == ["census 2025-26.xml"]
    assert (run.errors, run.queries, run.not_checked) == (3, 3, 0)
    assert run.rules_checked == run.rules_in_year > 100  # every CIN rule of the year is built
    assert run.findings.count() == 6


def test_the_run_page_shows_the_counts_and_that_the_file_was_not_kept(
    analyst, signed_in, aisha, cara
):
    client = signed_in(analyst)
    run = uploaded_run(client, census())
    page = text(client.get(reverse("web:return-run", args=[run.pk])))
    assert "Errors 3" in page and "Queries 3" in page and "Rules not checked 0" in page
    assert f"Rules of 2025-26 covered {run.rules_in_year} of {run.rules_in_year}" in page
    assert "The uploaded file was not kept: only its findings are." in page
    assert "census 2025-26.xml" in page


def test_each_finding_shows_the_team_of_the_child_in_the_records(analyst, signed_in, aisha, cara):
    client = signed_in(analyst)
    run = uploaded_run(client, census())
    page = text(client.get(reverse("web:return-run", args=[run.pk]), {"rule": "4180"}))
    assert "4180 Error A100 Safeguarding 1 census 2025-26.xml, line" in page
    assert "4180 Error C300 Safeguarding 2" in page
    assert "4180 Error Z999 Not in the records" in page
    assert "Sex=X" in page


def test_a_restricted_child_the_reader_may_not_see_is_not_in_the_records(
    analyst, signed_in, aisha, cara
):
    cara.restricted = True
    cara.save()
    client = signed_in(analyst)
    run = uploaded_run(client, census())
    page = text(client.get(reverse("web:return-run", args=[run.pk]), {"rule": "4180"}))
    assert "4180 Error C300 Not in the records" in page
    assert "4180 Error C300 Safeguarding 2" not in page


def test_opening_the_findings_logs_the_children_of_the_records_listed(
    analyst, signed_in, aisha, cara
):
    client = signed_in(analyst)
    run = uploaded_run(client, census())
    client.get(reverse("web:return-run", args=[run.pk]))
    entry = AccessEvent.objects.filter(action="list-children").latest("sequence")
    assert entry.username == "pia" and f"validation run {run.pk}" in entry.detail
    listed = set(
        ListedChild.objects.filter(event_id=entry.sequence).values_list("child_id", flat=True)
    )
    assert listed == {aisha.pk, cara.pk}  # Z999 has no record to name


def test_the_returns_page_lists_the_run(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census())
    page = text(client.get(reverse("web:returns")))
    assert "Validation runs" in page
    assert "CIN census 2025-26 census 2025-26.xml Pia Example 3 3 0" in page
    listed = client.get(reverse("web:returns")).content.decode()
    assert reverse("web:return-run", args=[run.pk]) in listed


def test_the_returns_pages_keep_to_the_content_security_policy(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census())
    for address in (reverse("web:returns"), reverse("web:return-run", args=[run.pk])):
        assert inline_css_and_scripts(client.get(address).content.decode()) == []
