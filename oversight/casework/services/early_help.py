"""Early help episodes, stepping up to and down from children's social care, and risk flags."""

from datetime import date

from django.db.models import Q

from oversight.accounts.models import User
from oversight.casework.models import (
    Child,
    EarlyHelpEnd,
    EarlyHelpEpisode,
    Referral,
    RiskFlag,
    RiskKind,
)
from oversight.casework.models.build import build
from oversight.casework.services.children import provenance
from oversight.casework.services.errors import CaseworkError, require_choice, require_on_or_after
from oversight.casework.services.front_door import record_referral
from oversight.casework.services.writer import recorded, writer

EARLY_HELP_SOURCE = "5D"  # DfE referral source: LA services, early help


@recorded
def start_early_help(
    child: Child, *, started_on: date, lead_professional: str = "", family_hub: str = "",
    stepped_down_from: Referral | None = None, by: User | None = None, origin: str = "web",
) -> EarlyHelpEpisode:  # fmt: skip
    if stepped_down_from is not None:
        require_on_or_after(
            "started_on", started_on, stepped_down_from.received_on, "referral date"
        )
    episode = build(
        EarlyHelpEpisode, child=child, started_on=started_on, lead_professional=lead_professional,
        family_hub=family_hub, stepped_down_from=stepped_down_from,
    )  # fmt: skip
    provenance(episode, by, origin)
    writer().add(episode)
    return episode


def require_early_help_may_start(child: Child, started_on: date) -> None:
    """Refuse early help recorded by hand that would overlap another, or an episode of
    children's social care (early help is below its threshold; a referral steps down to
    it by its decision). Imports of history do not ask: their sources give no end dates."""
    open_then = child.referrals.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=started_on), received_on__lte=started_on
    ).first()
    if open_then is not None:
        raise CaseworkError(
            "started_on", "early help is below the threshold of children's social care, "
            f"whose episode was open then (the referral of {open_then.received_on:%d/%m/%Y}): "
            "decide that referral \"early help\" to step the child down",
        )  # fmt: skip
    running = child.early_help_episodes.filter(ended_on__isnull=True).first()
    if running is not None:
        raise CaseworkError(
            "started_on", f"the child has early help already, since "
            f"{running.started_on:%d/%m/%Y}: end it before another starts",
        )  # fmt: skip


@recorded
def complete_early_help_assessment(episode: EarlyHelpEpisode, *, completed_on: date) -> None:
    """The early help assessment was completed: within the episode, and once."""
    if episode.assessment_completed_on is not None:
        raise CaseworkError("completed_on", "this early help assessment is already completed")
    require_on_or_after("completed_on", completed_on, episode.started_on, "start of the episode")
    if episode.ended_on is not None and completed_on > episode.ended_on:
        raise CaseworkError(
            "completed_on", f"the early help episode ended on {episode.ended_on:%d/%m/%Y}"
        )
    episode.assessment_completed_on = completed_on
    writer().update(episode, "assessment_completed_on")


@recorded
def end_early_help(
    episode: EarlyHelpEpisode, *, ended_on: date, reason: str,
    stepped_up_to: Referral | None = None,
) -> None:  # fmt: skip
    """The episode ends; stepped up, ``stepped_up_to`` is the child's referral it led to."""
    require_choice("reason", reason, EarlyHelpEnd)
    if not episode.is_open:
        raise CaseworkError("ended_on", "this early help episode has already ended")
    require_on_or_after("ended_on", ended_on, episode.started_on, "start of the episode")
    if stepped_up_to is not None:
        if reason != EarlyHelpEnd.STEPPED_UP:
            raise CaseworkError("stepped_up_to", "only an episode stepped up leads to a referral")
        if stepped_up_to.child_id != episode.child_id:
            raise CaseworkError("stepped_up_to", "the referral is another child's")
    episode.ended_on, episode.end_reason = ended_on, reason
    episode.stepped_up_to = stepped_up_to
    writer().update(episode, "ended_on", "end_reason", "stepped_up_to")


@recorded
def step_up(
    episode: EarlyHelpEpisode, *, on: date, primary_need: str = "", by: User | None = None,
    origin: str = "web",
) -> Referral:  # fmt: skip
    """Early help refers the child to children's social care: the episode ends that day."""
    if not episode.is_open:
        raise CaseworkError("on", "this early help episode has already ended")
    referral = record_referral(
        episode.child, received_on=on, source_code=EARLY_HELP_SOURCE, primary_need=primary_need,
        by=by, origin=origin,
    )  # fmt: skip
    end_early_help(episode, ended_on=on, reason=EarlyHelpEnd.STEPPED_UP, stepped_up_to=referral)
    return referral


@recorded
def raise_risk_flag(
    child: Child, *, kind: str, raised_on: date, by: User | None = None, origin: str = "web"
) -> RiskFlag:
    require_choice("kind", kind, RiskKind)
    flag = build(RiskFlag, child=child, kind=kind, raised_on=raised_on)
    provenance(flag, by, origin)
    writer().add(flag)
    return flag


@recorded
def remove_risk_flag(flag: RiskFlag, *, removed_on: date) -> None:
    require_on_or_after("removed_on", removed_on, flag.raised_on, "date the flag was raised")
    flag.removed_on = removed_on
    writer().update(flag, "removed_on")
