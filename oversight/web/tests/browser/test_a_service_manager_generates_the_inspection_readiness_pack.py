"""A service manager clears overdue oversight from the service's worklist, then generates
the inspection readiness pack and downloads it as a PDF.

Dev's child in need plan has had no management oversight since it began, four months ago,
and his visit is overdue: two overdue items for Safeguarding 1.
"""

import re
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from oversight.performance.refresh import refresh
from oversight.web.tests.browser.conftest import with_password
from oversight.web.tests.browser.steps import answer, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KNOWN = "Managers now check every child in need plan each month."


@pytest.fixture
def figures(settings, tmp_path, ofsted_outcomes, dev, today):
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    settings.OVERSIGHT_LA_NAME = "Reading"
    return refresh(today, trend_months=3)


def overdue_in_team(page: Page, team: str = "Safeguarding 1"):
    by_team = page.get_by_role("table", name="Overdue and due soon, by team")
    return by_team.get_by_role("row").filter(has_text=team).get_by_role("cell").nth(1)


def test_a_service_manager_records_oversight_and_downloads_the_readiness_pack_as_a_pdf(
    sign_in_page: Page, look, service_manager, team, figures, today
):
    with_password(service_manager)
    page = sign_in_page
    sign_in(page, service_manager.username)
    expect(page).to_have_title(re.compile(r"^My work"))
    expect(overdue_in_team(page)).to_have_text("2")
    look("my-work")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Children").click()
    page.get_by_role("searchbox", name="Search by name or LA child id").fill("Patel")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Patel, Dev").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dev Patel")
    look("child")

    page.get_by_role("button", name="Record management oversight").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record management oversight")
    answer(page, "Kind of oversight", "Case supervision")
    page.get_by_label("Oversight", exact=True).fill(
        "Reviewed the plan with Sam. The overdue visit is to happen this week."
    )
    look("oversight-form")
    page.get_by_role("button", name="Save oversight").click()
    expect(page.get_by_role("alert")).to_contain_text("Management oversight recorded for Dev Patel")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My work").click()
    expect(overdue_in_team(page)).to_have_text("1")
    look("my-work-after-oversight")

    year = f"{today.year}-{(today.year + 1) % 100:02d}"
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Improvement").click()
    page.get_by_role("link", name="Self-evaluation").click()
    page.get_by_label("Year").fill(year)
    page.get_by_role("button", name="Start self-evaluation").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Self-evaluation {year} started")
    look("self-evaluation")

    help_and_protection = re.compile("^Change The experiences .* children who need help")
    page.get_by_role("link", name=help_and_protection).click()
    page.get_by_label("What do we know about the quality and impact of practice?").fill(KNOWN)
    page.get_by_label("Cases with management oversight within policy").check()
    look("self-evaluation-area")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("saved")
    expect(page.get_by_text(KNOWN)).to_be_visible()

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Improvement").click()
    page.get_by_role("link", name="Inspection readiness pack").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspection readiness pack")
    expect(page.get_by_text("Overall effectiveness")).to_be_visible()
    expect(page.get_by_text(KNOWN)).to_be_visible()
    expect(page.get_by_role("table", name="Headline indicators beside England")).to_be_visible()
    look("readiness")

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download the pack as a PDF").click()
    download = downloading.value
    assert download.suggested_filename == f"inspection-readiness-{today.isoformat()}.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(BytesIO(content)).pages)
    assert text.startswith("Reading"), text[:200]
    for expected in ("Inspection readiness pack", "Where we stand", KNOWN, "Headline indicators"):
        assert expected in text, f"{expected!r} is not in the PDF"
