"""An SSDA903 return's CSV files are chosen together and validated as one return; the run
says how many of the year's rules were checked, and that some need last year's return.
"""

from django.urls import reverse

from oversight.exchange.ssda903.tests.builders import child
from oversight.web.tests.helpers import text
from oversight.web.tests.returns_uploads import ssda903_upload, uploaded_run


def test_the_files_of_a_return_are_validated_together(analyst, signed_in, aisha):
    run = uploaded_run(signed_in(analyst), ssda903_upload(child("A100", SEX="3")), kind="ssda903")
    assert run.kind == "ssda903" and run.year == "2025-26"
    assert "header.csv" in run.files and "episodes.csv" in run.files and len(run.files) == 11
    assert (run.errors, run.queries, run.not_checked) == (1, 0, 0)
    finding = run.findings.get()
    assert (finding.rule, finding.la_child_id, finding.file, finding.line) == (
        "101", "A100", "header.csv", 2,
    )  # fmt: skip


def test_without_last_years_files_the_run_says_which_rules_were_not_checked(analyst, signed_in):
    client = signed_in(analyst)
    run = uploaded_run(client, ssda903_upload(child("A100")), kind="ssda903")
    assert run.rules_need_last_year > 0 and run.rules_need_la > 0  # OVERSIGHT_LA_CODE unset
    assert (
        run.rules_checked + run.rules_need_last_year + run.rules_need_la + run.rules_not_built
        == run.rules_in_year
    )
    page = text(client.get(reverse("web:return-run", args=[run.pk])))
    assert (
        f"Rules of 2025-26 covered {run.rules_checked} of {run.rules_in_year} Not checked here: "
        f"{run.rules_not_built} not built yet; {run.rules_need_last_year} need last year's "
        f"return, uploaded with this year's; {run.rules_need_la} need to know the LA the "
        "return is from (OVERSIGHT_LA_CODE)."
    ) in page
    assert "No findings: the return passes every rule checked." in page


def test_with_the_las_code_set_the_rules_about_placements_inside_it_are_checked(
    analyst, signed_in, settings
):
    settings.OVERSIGHT_LA_CODE = "870"  # Reading, where the default child lives and is placed
    run = uploaded_run(signed_in(analyst), ssda903_upload(child("A100")), kind="ssda903")
    assert run.rules_need_la == 0 and run.errors == 0


def test_with_last_years_files_the_rules_comparing_the_years_are_checked(analyst, signed_in):
    run = uploaded_run(signed_in(analyst), ssda903_upload(child("A100")), kind="ssda903",
                       previous=ssda903_upload(child("A100")))  # fmt: skip
    assert run.rules_need_last_year == 0
    assert "last year: header.csv" in run.files
