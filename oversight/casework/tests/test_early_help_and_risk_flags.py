from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Deadline, EarlyHelpEpisode, Referral
from oversight.casework.services import CaseworkError


def test_a_referral_stepped_down_closes_with_rc9_and_opens_early_help(child):
    referral = services.record_referral(child, received_on=date(2024, 5, 1), source_code="1A")
    services.decide_referral(referral, decision="early_help", decided_on=date(2024, 5, 2))
    referral.refresh_from_db()
    assert (referral.closed_on, referral.reason_for_closure) == (date(2024, 5, 2), "RC9")
    episode = EarlyHelpEpisode.objects.get()
    assert (episode.started_on, episode.stepped_down_from) == (date(2024, 5, 2), referral)
    assert episode.is_open


def test_stepping_down_gives_the_early_help_it_starts(child):
    referral = services.record_referral(child, received_on=date(2024, 5, 1), source_code="1A")
    episode = services.step_down(referral, decided_on=date(2024, 5, 3), primary_need="N4")
    referral.refresh_from_db()
    assert (referral.decision, referral.primary_need, referral.closed_on) == (
        "early_help", "N4", date(2024, 5, 3),
    )  # fmt: skip
    assert episode == EarlyHelpEpisode.objects.get(stepped_down_from=referral)
    assert episode.started_on == date(2024, 5, 3)


def test_stepping_up_ends_early_help_and_opens_a_referral_from_early_help(child):
    episode = services.start_early_help(child, started_on=date(2024, 1, 8), family_hub="North")
    referral = services.step_up(episode, on=date(2024, 3, 1))
    episode.refresh_from_db()
    assert (episode.ended_on, episode.end_reason, episode.stepped_up_to) == (
        date(2024, 3, 1), "stepped_up", referral,
    )  # fmt: skip
    assert referral.source == "5D"
    # Fri 1 Mar 2024: the decision is due on Monday 4 March.
    assert Deadline.objects.get(rule="referral-decision").due_on == date(2024, 3, 4)


def test_early_help_ended_by_a_referral_already_made_is_linked_to_it(child):
    # A contact became a referral while early help ran (not made from early help itself).
    episode = services.start_early_help(child, started_on=date(2024, 1, 8))
    referral = services.record_referral(child, received_on=date(2024, 2, 26), source_code="1A")
    services.end_early_help(episode, ended_on=date(2024, 2, 27), reason="stepped_up",
                            stepped_up_to=referral)  # fmt: skip
    episode.refresh_from_db()
    assert (episode.end_reason, episode.stepped_up_to) == ("stepped_up", referral)


def test_only_early_help_stepped_up_is_linked_and_only_to_its_own_childs_referral(child):
    episode = services.start_early_help(child, started_on=date(2024, 1, 8))
    referral = services.record_referral(child, received_on=date(2024, 2, 26), source_code="1A")
    with pytest.raises(CaseworkError, match="only an episode stepped up") as error:
        services.end_early_help(episode, ended_on=date(2024, 2, 27), reason="needs_met",
                                stepped_up_to=referral)  # fmt: skip
    assert error.value.field == "stepped_up_to"
    other = services.register_child(
        la_child_id="C2", first_name="Bo", last_name="Example", sex="1",
        date_of_birth=date(2016, 2, 2), ethnicity="WBRI",
    )  # fmt: skip
    theirs = services.record_referral(other, received_on=date(2024, 2, 26), source_code="1A")
    with pytest.raises(CaseworkError, match="another child's"):
        services.end_early_help(episode, ended_on=date(2024, 2, 27), reason="stepped_up",
                                stepped_up_to=theirs)  # fmt: skip
    episode.refresh_from_db()
    assert episode.is_open and episode.stepped_up_to is None


def test_stepping_up_early_help_already_ended_makes_no_referral(child):
    episode = services.start_early_help(child, started_on=date(2024, 1, 8))
    services.end_early_help(episode, ended_on=date(2024, 2, 5), reason="needs_met")
    with pytest.raises(CaseworkError, match="already ended"):
        services.step_up(episode, on=date(2024, 3, 1))
    assert not Referral.objects.exists()


def test_early_help_recorded_by_hand_overlaps_no_episode_of_social_care_nor_other_help(
    child,
):
    referral = services.record_referral(child, received_on=date(2024, 5, 1), source_code="1A")
    services.decide_referral(referral, decision="assessment", decided_on=date(2024, 5, 2))
    may_start = services.require_early_help_may_start
    with pytest.raises(CaseworkError, match="the referral of 01/05/2024") as error:
        may_start(child, date(2024, 6, 3))
    assert error.value.field == "started_on"
    # Before the referral came in, it may; not while that help runs.
    may_start(child, date(2024, 3, 4))
    earlier = services.start_early_help(child, started_on=date(2024, 3, 4))
    with pytest.raises(CaseworkError, match="early help already, since 04/03/2024"):
        may_start(child, date(2024, 3, 25))
    services.end_early_help(earlier, ended_on=date(2024, 4, 1), reason="needs_met")
    # The day the episode closes, it may again.
    services.close_episode(referral, closed_on=date(2024, 7, 1), reason="RC7")
    may_start(child, date(2024, 7, 1))


def test_early_help_cannot_end_before_it_starts_or_end_twice(child):
    episode = services.start_early_help(child, started_on=date(2024, 1, 8))
    with pytest.raises(CaseworkError) as error:
        services.end_early_help(episode, ended_on=date(2024, 1, 5), reason="needs_met")
    assert error.value.field == "ended_on"
    services.end_early_help(episode, ended_on=date(2024, 2, 5), reason="needs_met")
    with pytest.raises(CaseworkError):
        services.end_early_help(episode, ended_on=date(2024, 2, 6), reason="needs_met")
    assert not Referral.objects.exists()


def test_a_risk_flag_is_raised_and_removed(child):
    flag = services.raise_risk_flag(child, kind="cce", raised_on=date(2024, 6, 3))
    with pytest.raises(CaseworkError):
        services.raise_risk_flag(child, kind="gangs", raised_on=date(2024, 6, 3))
    services.remove_risk_flag(flag, removed_on=date(2024, 9, 30))
    assert child.risk_flags.get().removed_on == date(2024, 9, 30)


def test_an_early_help_assessment_is_completed_once_within_its_episode(child):
    episode = services.start_early_help(child, started_on=date(2024, 1, 8))
    with pytest.raises(CaseworkError) as error:
        services.complete_early_help_assessment(episode, completed_on=date(2024, 1, 5))
    assert error.value.field == "completed_on"
    services.complete_early_help_assessment(episode, completed_on=date(2024, 2, 2))
    with pytest.raises(CaseworkError):
        services.complete_early_help_assessment(episode, completed_on=date(2024, 2, 9))
    episode.refresh_from_db()
    assert episode.assessment_completed_on == date(2024, 2, 2)


def test_an_early_help_assessment_is_not_completed_after_its_episode_ended(child):
    episode = services.start_early_help(child, started_on=date(2024, 1, 8))
    services.end_early_help(episode, ended_on=date(2024, 1, 31), reason="declined")
    with pytest.raises(CaseworkError) as error:
        services.complete_early_help_assessment(episode, completed_on=date(2024, 2, 1))
    assert "ended on 31/01/2024" in str(error.value)
    services.complete_early_help_assessment(episode, completed_on=date(2024, 1, 31))


def test_a_referral_stepped_down_while_early_help_runs_keeps_that_early_help(child):
    # The police refer a child whose early help has run since January; the front door
    # decides early help: the child's early help goes on, and no second episode starts.
    running = services.start_early_help(child, started_on=date(2024, 1, 8), family_hub="North")
    referral = services.record_referral(child, received_on=date(2024, 3, 4), source_code="2A")
    episode = services.step_down(referral, decided_on=date(2024, 3, 5))
    referral.refresh_from_db()
    assert (referral.closed_on, referral.reason_for_closure) == (date(2024, 3, 5), "RC9")
    assert episode == running
    assert list(EarlyHelpEpisode.objects.values_list("started_on", "ended_on")) == [
        (date(2024, 1, 8), None)
    ]


def test_early_help_ended_before_the_decision_is_not_the_one_stepped_down_to(child):
    ended = services.start_early_help(child, started_on=date(2024, 1, 8))
    referral = services.record_referral(child, received_on=date(2024, 3, 4), source_code="2A")
    services.end_early_help(ended, ended_on=date(2024, 3, 4), reason="stepped_up",
                            stepped_up_to=referral)  # fmt: skip
    episode = services.step_down(referral, decided_on=date(2024, 3, 5))
    assert episode != ended
    assert (episode.started_on, episode.stepped_down_from) == (date(2024, 3, 5), referral)
