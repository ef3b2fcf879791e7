"""Rules about social worker episodes, each case worked out by hand."""

import pytest

from oversight.exchange.ssda903.tests.builders import broken_by, child, episode, social_worker

HANDED_OVER = [
    social_worker(SW_DEC="01/09/2025"),
    social_worker(SW_ID="SW67890", SW_DECOM="01/09/2025", SW_REASON="LEFTRL"),
]


def two(code, breaking: list[dict], passing: list[dict], **others) -> list[str]:
    return broken_by(
        code,
        child("C1", social_workers=breaking, **others),
        child("C2", UPN="A201000000025", social_workers=passing, **others),
    )


@pytest.mark.parametrize(
    ("code", "breaking", "passing"),
    [
        ("SW01aSTG1", [social_worker(SW_ID=None, SW_DECOM="31/03/2023")],
         [social_worker(SW_ID=None, SW_DECOM="01/04/2023")]),
        ("SW01bSTG1", [social_worker(SW_ID=None)], [social_worker()]),
        ("SW01bSTG1", [social_worker(SW_REASON=None)],
         [social_worker(SW_REASON=None, SW_DECOM="31/03/2023")]),
        ("SW01bSTG1", [HANDED_OVER[0], HANDED_OVER[1] | {"SW_REASON": None}], HANDED_OVER),
        ("SW02STG1", [social_worker(SW_ID="AB123")], [social_worker(SW_ID="XX123")]),
        ("SW04STG1", [social_worker(SW_DECOM=None)], [social_worker()]),
        ("SW05STG1", [social_worker(SW_DEC="31/09/2025")], [social_worker()]),
        ("SW06STG2", [social_worker(SW_DECOM="01/04/2026")],
         [social_worker(SW_DECOM="31/03/2026")]),
        ("SW07STG2", [social_worker(SW_DECOM="01/01/2024", SW_DEC="31/03/2024")] + HANDED_OVER[1:],
         [social_worker(SW_DECOM="01/01/2024", SW_DEC="01/04/2024")] + HANDED_OVER[1:]),
        ("SW08STG2", [HANDED_OVER[0] | {"SW_DEC": None}, HANDED_OVER[1]], HANDED_OVER),
        ("SW09STG2", [social_worker(SW_DEC="10/05/2025")], [social_worker(SW_DEC="11/05/2025")]),
        ("SW10STG2", [HANDED_OVER[0], HANDED_OVER[1] | {"SW_DECOM": "24/08/2025"}],
         [HANDED_OVER[0], HANDED_OVER[1] | {"SW_DECOM": "25/08/2025"}]),
        ("SW13STG1", [social_worker(SW_REASON="SWLAZY")],
         [social_worker(SW_REASON=None, SW_DECOM="31/03/2023")]),
        ("SW13STG1", [HANDED_OVER[0], HANDED_OVER[1] | {"SW_REASON": None}], HANDED_OVER),
        ("SW11bSTG2", [social_worker(SW_DEC="30/03/2026")], [social_worker(SW_DEC="31/03/2026")]),
        ("SW17STG2", [social_worker(SW_DEC="30/03/2026")], [social_worker(SW_DEC="01/04/2026")]),
    ],
)  # fmt: skip
def test_a_social_worker_episode_that_breaks_the_rule_is_reported(code, breaking, passing):
    assert two(code, breaking, passing) == ["C1"]


def test_a_first_contact_may_start_while_an_old_social_worker_episode_ran_on():
    fresh = [HANDED_OVER[0], HANDED_OVER[1] | {"SW_DECOM": "01/06/2025", "SW_REASON": "FCONTA"}]
    assert two("SW10STG2", fresh, HANDED_OVER) == []


def test_a_child_who_left_care_needs_no_social_worker_at_31_march():
    left = [episode(DEC="01/09/2025", REC="E13")]
    ended = [social_worker(SW_DEC="01/09/2025")]
    assert two("SW17STG2", ended, ended, episodes=left) == []
    assert two("SW11bSTG2", ended, ended, episodes=left) == []


def test_an_open_social_worker_episode_with_no_start_date_is_open_at_31_march():
    # SW17STG2 is about the end: a start date blank or not a date (31 February) is
    # SW04STG1's to report. Neither episode has ended.
    no_start = [social_worker(SW_DECOM=None)]
    unreadable = [social_worker(SW_DECOM="31/02/2025")]
    assert two("SW17STG2", no_start, unreadable) == []
    assert two("SW04STG1", no_start, unreadable) == ["C1", "C2"]


def test_a_first_social_worker_from_april_2023_needs_a_reason_too():
    # The child's only episode began 10/05/2025, after reasons began on 1 April 2023, with no
    # reason (FCONTA, first contact, is the code for it): incomplete, and not a valid reason.
    # One that began on 31/03/2023 needs none.
    first = [social_worker(SW_REASON=None)]
    before_reasons = [social_worker(SW_REASON=None, SW_DECOM="31/03/2023")]
    assert two("SW13STG1", first, before_reasons) == ["C1"]
    assert two("SW01bSTG1", first, before_reasons) == ["C1"]
