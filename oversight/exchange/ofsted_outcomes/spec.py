"""The column specification of Ofsted's published outcomes, as this reader expects them.

Also: the words the sources use for grades, the LA reorganisations that decide which LAs
existed on a date, and the known extraction errors of the source (not loaded).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

DATA = Path(__file__).parent / "data"

LOOKUP = "Provider_data_lookup.csv"
HISTORY = "ofsted_csc_ilacs_history.csv"
SIF_GRADES = "derived_sif_grades_parsed_from_report_pdfs.csv"

LOOKUP_COLUMNS = ("urn", "la_code", "la_code_new", "local_authority_ons_name", "region_name")
HISTORY_COLUMNS = (
    "urn",
    "local_authority",
    "inspection_link",
    "pdf_filename",
    "publication_date",
    "inspection_framework",
    "inspector_name",
    "inspection_start_date",
    "inspection_end_date",
    "overall_effectiveness_grade",
    "impact_of_leaders_grade",
    "help_and_protection_grade",
    "in_care_grade",
    "care_leavers_grade",
)
SIF_COLUMNS = (
    "urn",
    "pdf_path_in_JT-39_repo",
    "overall_effectiveness",
    "help_and_protection",
    "looked_after_and_permanence",
    "adoption_performance",
    "care_leavers",
    "leadership_management_governance",
    "lscb",
)

# Source column -> judgement area key of inspection.frameworks.
HISTORY_AREAS = {
    "overall_effectiveness_grade": "overall",
    "impact_of_leaders_grade": "leaders",
    "help_and_protection_grade": "help-and-protection",
    "in_care_grade": "in-care",
    "care_leavers_grade": "care-leavers",
}
SIF_AREAS = {
    "overall_effectiveness": "overall",
    "help_and_protection": "help-and-protection",
    "looked_after_and_permanence": "in-care",
    "adoption_performance": "adoption",
    "care_leavers": "care-leavers",
    "leadership_management_governance": "leaders",
    "lscb": "lscb",
}

GRADES = {
    "outstanding": "outstanding",
    "good": "good",
    "requires improvement": "requires-improvement",
    "inadequate": "inadequate",
}
UNREADABLE = {"", "data_unreadable", "nan"}
NOT_A_JUDGEMENT_THEN = "inspection_pre_dates_judgement"
NO_OVERALL_AFTER_REFORM = "not_reported_post_reform"

KINDS = {"standard": "standard", "short": "short", "": "graded"}
# The scraper's words for a stay on site longer than a standard inspection's.
KINDS["inspection duration longer than standard framework"] = "graded"

REGIONS = {
    "North East": "NE",
    "North West": "NW",
    "Yorkshire and the Humber": "YH",
    "East Midlands": "EM",
    "West Midlands": "WM",
    "East of England": "E",
    "London": "GL",
    "South East": "SE",
    "South West": "SW",
}

# LAs created or abolished since 2005 (structural changes orders), by ONS code.
ESTABLISHED = {
    "E06000055": date(2009, 4, 1),  # Bedford
    "E06000056": date(2009, 4, 1),  # Central Bedfordshire
    "E06000049": date(2009, 4, 1),  # Cheshire East
    "E06000050": date(2009, 4, 1),  # Cheshire West and Chester
    "E06000058": date(2019, 4, 1),  # Bournemouth, Christchurch and Poole
    "E06000059": date(2019, 4, 1),  # Dorset Council (the county council before it)
    "E06000061": date(2021, 4, 1),  # North Northamptonshire
    "E06000062": date(2021, 4, 1),  # West Northamptonshire
    "E06000063": date(2023, 4, 1),  # Cumberland
    "E06000064": date(2023, 4, 1),  # Westmorland and Furness
}
ABOLISHED = {
    "E06000029": date(2019, 4, 1),  # Poole
    "E10000021": date(2021, 4, 1),  # Northamptonshire
    "E10000006": date(2023, 4, 1),  # Cumbria
}

# Values the source itself lists as wrongly extracted (the fork's README): not loaded.
_README = "listed as an extraction error in the source's README"
KNOWN_ERRORS = {
    ("southend-on-sea", "overall_effectiveness_grade"): _README,
    ("southend-on-sea", "help_and_protection_grade"): _README,
    ("southend-on-sea", "care_leavers_grade"): _README,
    ("nottingham", "inspection_framework"): _README,
    ("nottingham", "inspection_start_date"): _README,
    ("nottingham", "inspection_end_date"): _README,
    ("redcar and cleveland", "inspection_framework"): _README,
    ("redcar and cleveland", "inspection_start_date"): _README,
    ("redcar and cleveland", "inspection_end_date"): _README,
    ("knowsley", "inspector_name"): _README,
    ("stoke-on-trent", "inspector_name"): _README,
}

# Without inspection dates, the framework is read from the publication date only when no
# other framework began in the months before it (reports follow the visit by 1-3 months).
PUBLICATION_LAG_DAYS = 120
