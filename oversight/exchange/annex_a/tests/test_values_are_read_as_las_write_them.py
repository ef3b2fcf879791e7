"""A coded value is read from Ofsted's label, a bare code, another LA's spelling or the
DfE description; anything else is unknown (never guessed), and written back as the label."""

import pytest

from oversight.exchange.annex_a.read import read_date
from oversight.exchange.annex_a.values import VALUE_MAPS


@pytest.mark.parametrize(("column", "written", "code"), [
    ("gender", "b) Female", "2"), ("gender", "Female", "2"), ("gender", "F", "2"),
    ("gender", "a) Male", "1"), ("gender", "c) Not stated/recorded", "0"),
    ("gender", "d) Neither", "9"),
    ("ethnicity", "a) WBRI", "WBRI"), ("ethnicity", "WBRI", "WBRI"),
    ("ethnicity", "White British", "WBRI"), ("ethnicity", "s) REFU", "REFU"),
    ("source", "q) 6: Police", "6"), ("source", "Police", "6"), ("source", "u) 10: Unknown", "10"),
    ("source", "b) 1B: Individual", "1B"), ("source", "j) 3D: Health services", "3D"),
    ("yes_no", "a) Yes", "Y"), ("yes_no", "No", "N"), ("yes_no", "Y", "Y"),
    ("primary_need", "N1 - Abuse or Neglect", "N1"), ("primary_need", "N0", "N0"),
    ("category_of_abuse", "Physical abuse", "PHY"), ("category_of_abuse", "a) Neglect", "NEG"),
    ("legal_status", "C2: FCO", "C2"), ("legal_status", "Full care order", "C2"),
    ("placement_type", "f) U6: Foster placement - not FFA", "U6"),
    # 2025/26 codes the template does not list yet, beside the one they split.
    ("placement_type", "K3", "K3"), ("placement_type", "Z12: Other placement", "Z12"),
    ("placement_type", "v) Z1: Other placements", "Z1"),
    ("placement_provider", "e) PR4 - Private provision", "PR4"),
    ("reason_ceased", "e) E4A: Returned home", "E4A"),
    ("accommodation", "U: Independent living", "U"), ("accommodation", "U1", "U"),
    ("suitability", "Unsuitable", "U"), ("suitability", "a) Suitable", "S"),
    ("activity", "F3: Full time in training or employment", "F5"),
    ("in_touch", "c) Died", "DIED"),
])  # fmt: skip
def test_a_value_is_read_in_the_ways_las_write_it(column, written, code):
    assert VALUE_MAPS[column].read(written) == code


@pytest.mark.parametrize(("column", "written"), [
    ("yes_no", "CS Assessment Updated"), ("primary_need", "PSRMEM - Support with memory"),
    ("gender", "x) Alien"), ("source", "a friend"), ("placement_type", "U9"),
])  # fmt: skip
def test_a_value_that_is_not_annex_as_is_unknown(column, written):
    assert VALUE_MAPS[column].read(written) is None


def test_every_code_is_written_as_its_label_and_read_back():
    for value_map in VALUE_MAPS.values():
        for code, label in value_map.labels.items():
            assert value_map.read(value_map.label(code)) == code, (value_map.id, label)


@pytest.mark.parametrize("written", ["16/09/2020", "2020-09-16", "16 September 2020", 44090])
def test_a_date_is_read_from_text_or_an_excel_day_number(written):
    assert str(read_date(written)) == "2020-09-16"


def test_a_formula_without_its_value_says_what_to_do():
    with pytest.raises(ValueError, match="save the workbook in Excel"):
        read_date("=H2+5", strict=True)
