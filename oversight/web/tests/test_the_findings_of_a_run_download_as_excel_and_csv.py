"""A run's findings download as Excel or CSV, filtered as on the page, with text a
spreadsheet could run as a formula made harmless; each download is an export in the
access log naming the children of the records it matched.
"""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from oversight.accounts.models import AccessEvent, ListedChild
from oversight.web.tests.returns_uploads import census_file, uploaded_run

FORMULA = '=HYPERLINK("http://x")'


def test_the_csv_has_a_row_for_each_finding_with_its_team(analyst, signed_in, aisha, cara):
    client = signed_in(analyst)
    run = uploaded_run(client, census_file("A100", "C300", "Z999", Sex="X"))
    response = client.get(reverse("web:return-run-findings", args=[run.pk, "csv"]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="cin-census-2025-26-validation-{run.pk}.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Rule", "Kind", "LA child id", "Team", "File", "Line", "Fields", "Message"]
    assert [row[:4] for row in rows[1:]] == [
        ["4180", "error", "A100", "Safeguarding 1"],
        ["4180", "error", "C300", "Safeguarding 2"],
        ["4180", "error", "Z999", "Not in the records"],
    ]
    assert rows[1][6] == "Sex=X"


def test_a_download_keeps_to_the_filters_of_the_page(analyst, signed_in, aisha, cara):
    client = signed_in(analyst)
    run = uploaded_run(client, census_file("A100", "C300", "Z999", Sex="X"))
    response = client.get(reverse("web:return-run-findings", args=[run.pk, "csv"]),
                          {"child": "C300"})  # fmt: skip
    assert len(list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))) == 2


def test_a_value_that_looks_like_a_formula_stays_text(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census_file("A100", Sex=FORMULA))
    text = client.get(reverse("web:return-run-findings", args=[run.pk, "csv"])).content
    assert f"'Sex={FORMULA}".replace('"', '""') not in text.decode()  # the field is quoted whole
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[1][6] == f"Sex={FORMULA}"  # starts with a letter: no formula
    workbook = client.get(reverse("web:return-run-findings", args=[run.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert sheet["G2"].value == f"Sex={FORMULA}" and sheet["G2"].data_type == "s"


def test_a_child_id_that_looks_like_a_formula_is_neutralised(analyst, signed_in):
    client = signed_in(analyst)
    run = uploaded_run(client, census_file("=1+1", Sex="X"))
    text = client.get(reverse("web:return-run-findings", args=[run.pk, "csv"])).content
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[1][2] == "'=1+1"
    workbook = client.get(reverse("web:return-run-findings", args=[run.pk, "xlsx"]))
    cell = load_workbook(io.BytesIO(workbook.content)).active["C2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_each_download_is_an_export_naming_the_children_matched(analyst, signed_in, aisha, cara):
    client = signed_in(analyst)
    run = uploaded_run(client, census_file("A100", "C300", "Z999", Sex="X"))
    client.get(reverse("web:return-run-findings", args=[run.pk, "xlsx"]))
    entry = AccessEvent.objects.filter(action="export").latest("sequence")
    assert entry.detail == f"findings of validation run {run.pk}: 3 rows"
    listed = ListedChild.objects.filter(event_id=entry.sequence).values_list("child_id", flat=True)
    assert set(listed) == {aisha.pk, cara.pk}


def test_an_unknown_format_is_not_found(analyst, signed_in, aisha):
    client = signed_in(analyst)
    run = uploaded_run(client, census_file("A100"))
    assert client.get(reverse("web:return-run-findings", args=[run.pk, "pdf"])).status_code == 404
