"""The UPN rules (1510-1560Q, 8770Q, 8772).

Check letters below are worked out by hand: characters 2 to 13 times their positions,
summed, modulo 23, read in ABCDEFGHJKLMNPQRTUVWXYZ. For example W201000000017:
2x2 + 1x4 + 1x12 + 7x13 = 111 = 4x23 + 19, and letter 19 is W.
"""

import csv
import io
import random
from importlib.resources import files

import polars as pl

from oversight.codes.upn import CHECK_LETTERS, check_letter
from oversight.exchange.cin_census.rules.upn import (
    LA_CODES,
    school_age_birth_date,
    with_check_letter,
)
from oversight.exchange.cin_census.tests.builders import (
    DEFAULT_UPN,
    PERIOD,
    SECOND_UPN,
    census,
    child,
    episode,
    findings,
    ids,
)

# Rule 1530 as the DfE writes it (CIN census 2025 to 2026 validation rules).
DFE_LA_CODES = (
    "001-005, 201-213, 301-320, 330-336, 340-344, 350-359, 370-373, 380-384, 390-394, 420, "
    "660-681, 701-708, 800-803, 805-808, 810-813, 815, 816, 820-823, 825, 826, 830, 831, "
    "835-837, 838-839, 840, 841, 845, 846, 850-852, 855-857, 860, 861, 865-896, 908, 909, "
    "916, 919, 921, 925, 926, 928, 929, 931, 933, 935-938, 940-941, 942, 943"
)


def upns(*values: str) -> list[dict]:
    """One child per UPN, C1, C2, ..., with no other change."""
    return [child(f"C{i}", UPN=value) for i, value in enumerate(values, start=1)]


# 1510


def test_the_builders_upns_carry_their_check_letters_1510():
    assert findings("1510", census(*upns(DEFAULT_UPN, SECOND_UPN))) == []


def test_a_upn_with_the_wrong_check_letter_is_an_error_1510():
    # A201000000017 should start with W (see above); 1201000000017 starts with no letter.
    found = findings("1510", census(*upns("A201000000017", "1201000000017", DEFAULT_UPN)))
    assert ids(found) == ["C1", "C2"]
    assert found[0].fields == (("UPN", "A201000000017"),)
    assert found[0].line is not None


def test_check_letters_y_and_z_close_the_alphabet_1510():
    # 201000000057: 4 + 4 + 5x12 + 7x13 = 159 = 6x23 + 21, Y.
    # 201000000077: 4 + 4 + 7x12 + 7x13 = 183 = 7x23 + 22, Z.
    assert findings("1510", census(*upns("Y201000000057", "Z201000000077"))) == []


def test_a_temporary_upn_counts_its_last_letter_by_its_place_1510():
    # 20100000001A: 4 + 4 + 1x12 + 0x13 (A = 0) = 20, X.
    # 20100000001Z: 20 + 22x13 (Z = 22) = 306 = 13x23 + 7, H.
    cin = census(*upns("X20100000001A", "H20100000001Z", "A20100000001Z"))
    assert ids(findings("1510", cin)) == ["C3"]


def test_a_upn_in_small_letters_is_read_as_capitals_1510():
    assert findings("1510", census(*upns("w201000000017"))) == []


def test_a_malformed_upn_is_left_to_the_format_rules_1510():
    # No check letter can be worked out where characters 2 to 13 are not digits.
    assert findings("1510", census(*upns("W2010000A0017", "W20100"))) == []


def test_the_rule_works_out_every_check_letter_as_the_forms_do_1510():
    # The rule works the letter out over the whole column; the forms, one UPN at a time.
    # Both must agree on permanent and temporary UPNs and on malformed ones.
    draw = random.Random(1510)
    characters = "0123456789" + CHECK_LETTERS + "IOS?a"
    given = [
        "".join(draw.choice(characters if place in (0, 12) else "0123456789" * 8 + "A")
                for place in range(draw.choice((13, 13, 13, 12, 14))))
        for _ in range(3000)
    ]  # fmt: skip
    column = with_check_letter(pl.LazyFrame({"UPN": given})).collect().get_column("_expected")
    expected = [check_letter(upn) for upn in given]
    assert column.to_list() == expected
    assert sum(letter is not None for letter in expected) > 1000


# 1520


def test_two_children_with_one_upn_are_both_errors_1520():
    cin = census(*upns(DEFAULT_UPN, SECOND_UPN, DEFAULT_UPN.lower()))
    found = findings("1520", cin)
    assert ids(found) == ["C1", "C3"]
    assert sorted(f.fields for f in found) == [
        (("UPN", "W201000000017"),),
        (("UPN", "w201000000017"),),
    ]


def test_children_without_a_upn_do_not_share_one_1520():
    cin = census(child("C1"), child("C2", UPN=None), child("C3", UPN=None))
    assert findings("1520", cin) == []


# 1530


def test_a_upn_with_an_unknown_la_code_is_an_error_1530():
    # 944 and 000 are no LA's; 943 (Westmorland and Furness) and 001 (a pseudo-LA) are.
    cin = census(*upns("A944000000017", "A000000000017", "A943000000017", "A001000000017"))
    assert ids(findings("1530", cin)) == ["C1", "C2"]


def test_a_short_upn_is_checked_for_its_la_code_too_1530():
    assert ids(findings("1530", census(*upns("A94400000001", "W20100000001")))) == ["C1"]


def test_the_la_codes_are_those_listed_in_rule_1530():
    listed = set()
    for part in DFE_LA_CODES.split(", "):
        low, _, high = part.partition("-")
        listed |= {f"{code:03d}" for code in range(int(low), int(high or low) + 1)}
    assert listed == LA_CODES


def test_every_la_in_the_ofsted_lookup_has_a_recognised_code_1530():
    lookup = files("oversight.exchange.ofsted_outcomes").joinpath(
        "data", "Provider_data_lookup.csv"
    )
    rows = csv.DictReader(io.StringIO(lookup.read_text(encoding="utf-8-sig")))
    codes = {row["la_code"] for row in rows}
    assert len(codes) > 150
    assert codes <= LA_CODES


# 1540


def test_a_upn_with_a_letter_among_characters_5_to_12_is_an_error_1540():
    cin = census(*upns("W2010000A0017", "W20100", DEFAULT_UPN, "X20100000001A"))
    assert ids(findings("1540", cin)) == ["C1", "C2"]


# 1550


def test_a_upn_ending_in_i_o_s_or_a_sign_is_an_error_1550():
    cin = census(*upns("W20100000001I", "W20100000001O", "W20100000001S", "W20100000001-"))
    assert ids(findings("1550", cin)) == ["C1", "C2", "C3", "C4"]


def test_a_upn_not_13_characters_long_has_no_valid_13th_character_1550():
    cin = census(*upns("W2010000000170", "W20100000001", "X20100000001A", DEFAULT_UPN))
    assert ids(findings("1550", cin)) == ["C1", "C2"]


# 1560Q


def test_a_former_upn_out_of_the_form_of_a_upn_is_queried_1560q():
    cin = census(
        child("C1", FormerUPN="X2010000000"),
        child("C2", FormerUPN="X20100000A017"),
        child("C3", FormerUPN="120100000001A"),
        child("C4", FormerUPN="X20100000001A"),  # a temporary UPN: the usual former UPN
        child("C5", FormerUPN=SECOND_UPN),
        child("C6"),
    )
    found = findings("1560Q", cin)
    assert ids(found) == ["C1", "C2", "C3"]
    assert found[0].fields == (("FormerUPN", "X2010000000"),)


# 8770Q


def test_school_age_is_five_or_older_on_31_august_2025_8770q():
    assert school_age_birth_date(PERIOD.end).isoformat() == "2020-08-31"


def test_a_child_of_school_age_without_upn_or_reason_is_queried_8770q():
    cin = census(
        child("C1", UPN=None, PersonBirthDate="2020-08-31"),
        child("C2", UPN=None, PersonBirthDate="2020-09-01"),
        child("C3", UPN=None, UPNunknown="UN1"),
        child("C4", UPN=None, UPNunknown="UN2"),
        child("C5", UPN=None, UPNunknown="UN9"),
        child("C6"),
    )
    found = findings("8770Q", cin)
    assert ids(found) == ["C1", "C3", "C5"]
    by_child = {f.child_id: dict(f.fields) for f in found}
    assert by_child["C3"] == {"PersonBirthDate": "2015-03-27", "UPN": "", "UPNunknown": "UN1"}


def test_a_child_whose_every_referral_had_no_further_action_is_not_queried_8770q():
    nfa = episode(ReferralNFA="true", assessments=[])
    cin = census(
        child("C1", UPN=None, episodes=[nfa]),
        child("C2", UPN=None, episodes=[nfa, episode()]),
        child("C3", UPN=None, PersonBirthDate=None, ExpectedPersonBirthDate="2026-06-01"),
    )
    assert ids(findings("8770Q", cin)) == ["C2"]


# 8772


def test_un7_with_a_referral_going_on_to_further_action_is_an_error_8772():
    nfa = episode(ReferralNFA="true", assessments=[])
    cin = census(
        child("C1", UPN=None, UPNunknown="UN7", episodes=[nfa, episode()]),
        child("C2", UPN=None, UPNunknown="UN7", episodes=[nfa, nfa]),
        child("C3", UPN=None, UPNunknown="UN2", episodes=[episode()]),
    )
    found = findings("8772", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (("UPNunknown", "UN7"), ("ReferralNFA", "false"))


def test_un7_with_a_referral_not_flagged_as_no_further_action_is_an_error_8772():
    # ReferralNFA left out: the episode is not shown as a referral with no further action.
    cin = census(child("C1", UPN=None, UPNunknown="UN7", episodes=[episode(ReferralNFA=None)]))
    found = findings("8772", cin)
    assert ids(found) == ["C1"]
    assert found[0].fields == (("UPNunknown", "UN7"), ("ReferralNFA", ""))
