"""Pia, a performance analyst, imports last quarter's SSDA903 return from the old system:
she chooses its CSV files together, says the children with problems are to be held back,
and reads on the import's page what went in, who was held back and why, and what the
records did not keep as given.

The return: C1 looked after since May 2025; BAD's legal status Q9 is no DfE code.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from oversight.casework.models import CareEpisode
from oversight.exchange.ssda903.tests.builders import child, episode, write
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_performance_analyst_imports_an_ssda903_return_holding_back_a_bad_child(
    sign_in_page: Page, look, analyst, tmp_path: Path
):
    folder = write(tmp_path / "return", child("C1"), child("BAD", episodes=[episode(LS="Q9")]))
    with_password(analyst)
    page = sign_in_page
    sign_in(page, analyst.username)
    expect(page).to_have_title(re.compile(r"^My work"))

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Returns").click()
    page.get_by_role("link", name="Import an SSDA903 return").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import an SSDA903 return")
    look("form")

    page.get_by_label("The return's files").set_input_files(sorted(folder.glob("*.csv")))
    page.get_by_role("group", name="If some children cannot be imported, import the others?")\
        .get_by_label("Yes").check()  # fmt: skip
    page.get_by_role("button", name="Import").click()

    expect(page.get_by_role("heading", level=2, name="Imported")).to_be_visible()
    expect(page.locator(".govuk-panel__body")).to_contain_text(
        "Imported the SSDA903 return 2025-26: 1 of 2 children in it"
    )
    held_back = page.get_by_role("table", name=re.compile("Children not imported"))
    expect(held_back.get_by_role("row", name=re.compile("BAD"))).to_contain_text("LS='Q9'")
    expect(page.get_by_role("heading", name="Not kept as given")).to_be_visible()
    look("imported")
    assert CareEpisode.objects.filter(child__la_child_id="C1").count() == 1
