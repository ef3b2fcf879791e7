"""Codes and descriptions checked by hand against the CIN census and SSDA903 guidance."""

import pytest

from oversight import codes


@pytest.mark.parametrize(
    ("set_id", "code", "description"),
    [
        ("primary_need", "N1", "Abuse or neglect"),
        ("primary_need", "N0", "Not stated"),
        ("reason_for_closure", "RC8", "Case closed after assessment, no further action"),
        ("reason_for_closure", "RC9", "Case closed after assessment, referred to early help"),
        ("category_of_abuse", "NEG", "Neglect"),
        ("category_of_abuse", "PHY", "Physical abuse"),
        ("category_of_abuse", "SAB", "Sexual abuse"),
        ("category_of_abuse", "EMO", "Emotional abuse"),
        ("category_of_abuse", "MUL", "Multiple/not recommended"),
        ("legal_status", "C2", "Full care order"),
        (
            "legal_status",
            "V2",
            "Single period of accommodation under section 20 (Children Act 1989)",
        ),
        ("ethnicity", "WBRI", "White British"),
        ("ethnicity", "NOBT", "Information not yet obtained"),
        ("placement_type", "K2", "Children’s homes subject to Children’s Homes Regulations"),
        (
            "placement_type",
            "K3",
            "Supported accommodation not subject to children’s homes regulations",
        ),
        ("reason_for_social_worker_change", "FCONTA", "First contact or re-referral"),
        ("reason_for_social_worker_change", "LEFTRL", "Previous social worker left role"),
        (
            "placement_type",
            "P1",
            "Placed with own parent(s) or other person(s) with parental responsibility",
        ),
        ("reason_new_episode", "S", "Started to be looked after"),
        ("placement_provider", "PR4", "Private provision"),
        ("sex", "2", "Female"),
        ("disability", "AUT", "Autism"),
        ("referral_source", "6", "POLICE"),
    ],
)
def test_code_has_the_dfe_description(set_id: str, code: str, description: str) -> None:
    assert codes.describe(set_id, code) == description


def test_category_of_abuse_has_exactly_the_five_cp_categories() -> None:
    found = [code.code for code in codes.code_set("category_of_abuse")]
    assert found == ["NEG", "PHY", "SAB", "EMO", "MUL"]


def test_primary_need_runs_from_n0_to_n9() -> None:
    found = {code.code for code in codes.code_set("primary_need")}
    assert found == {f"N{n}" for n in range(10)}


def test_reason_for_closure_runs_from_rc1_to_rc9() -> None:
    found = {code.code for code in codes.code_set("reason_for_closure")}
    assert found == {f"RC{n}" for n in range(1, 10)}


def test_legal_status_has_the_thirteen_ssda903_codes() -> None:
    found = {code.code for code in codes.code_set("legal_status")}
    expected = {"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"}
    assert found == expected


def test_reason_for_new_episode_has_its_six_letters() -> None:
    found = {code.code for code in codes.code_set("reason_new_episode")}
    assert found == {"S", "L", "P", "T", "B", "U"}


def test_care_leaver_accommodation_code_carries_kind_and_suitability() -> None:
    assert codes.describe("care_leaver_accommodation", "B1") == (
        "With parent(s) or relative(s) – suitable"
    )
    assert codes.describe("care_leaver_accommodation", "W2") == "Bed and breakfast – not suitable"


def test_slip_in_the_source_text_is_corrected() -> None:
    assert codes.describe("referral_source", "5D") == "LA SERVICES – early help"
