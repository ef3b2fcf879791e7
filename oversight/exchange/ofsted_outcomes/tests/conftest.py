"""Small hand-made copies of the three published files, to break on purpose."""

import csv

import pytest

from oversight.exchange.ofsted_outcomes import spec

LA_ROWS = [
    {
        "urn": "80001",
        "la_code": "871",
        "la_code_new": "E06000038",
        "local_authority_ons_name": "Reading",
        "region_name": "South East",
    },
    {
        "urn": "80002",
        "la_code": "909",
        "la_code_new": "E10000006",
        "local_authority_ons_name": "Cumbria",
        "region_name": "North West",
    },
]
GRADES = {
    "overall_effectiveness_grade": "good",
    "impact_of_leaders_grade": "good",
    "help_and_protection_grade": "requires improvement",
    "in_care_grade": "good",
    "care_leavers_grade": "good",
}


def history_row(**values):
    row = dict.fromkeys(spec.HISTORY_COLUMNS, "")
    row |= {"urn": "80001", "local_authority": "reading", "inspector_name": "A Inspector"}
    row |= {"inspection_link": "https://example.org/report/1", "pdf_filename": "report 1.pdf"}
    row |= {"publication_date": "02/05/25", "inspection_framework": "standard"}
    row |= {"inspection_start_date": "03/03/2025", "inspection_end_date": "14/03/2025"}
    return row | GRADES | values


def sif_row(**values):
    row = dict.fromkeys(spec.SIF_COLUMNS, "")
    row |= {"urn": "80001", "pdf_path_in_JT-39_repo": "export_data/80001_reading/old report.pdf"}
    row |= {"overall_effectiveness": "inadequate", "help_and_protection": "inadequate"}
    row |= {
        "looked_after_and_permanence": "requires improvement",
        "leadership_management_governance": "inadequate",
    }
    return row | values


def write(path, columns, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def published(tmp_path):
    """Write the three files from lists of rows; returns the folder."""

    def make(history=(), sif=(), authorities=LA_ROWS):
        write(tmp_path / spec.LOOKUP, spec.LOOKUP_COLUMNS, authorities)
        write(tmp_path / spec.HISTORY, spec.HISTORY_COLUMNS, history)
        write(tmp_path / spec.SIF_GRADES, spec.SIF_COLUMNS, sif)
        return tmp_path

    return make
