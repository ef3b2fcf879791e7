"""Recording adoption decisions: the decision that a looked-after child should be placed for
adoption, its reversal, and the match with the adopters.

The checks are the DfE's, made when the event is recorded rather than found at the year
end: a decision is made while the child is looked after (rule 1003), each earlier decision
of the same period of care was reversed by the day of the next (579, 583); a reversal
comes on or after its decision (522) and gives its reason (563); the match comes on or
after the decision (333), and the adopters' sex agrees with their legal status (514 to
524).
"""

from collections.abc import Sequence
from datetime import date

from oversight.accounts.models import User
from oversight.casework.models import AdopterHousehold, AdoptionDecision, CareEpisode
from oversight.casework.models.build import build
from oversight.casework.services.adopters import adopters_sex as adopters_sex_of
from oversight.casework.services.adopters import check_can_be_matched
from oversight.casework.services.children import provenance
from oversight.casework.services.errors import CaseworkError, require_code, require_on_or_after
from oversight.casework.services.writer import BatchWriter, recorded, writer

SINGLE = ("M1", "F1")
# The adopters' sexes each legal status allows (DfE rules 514, 517, 518, 519, 520, 524).
SEXES_BY_LEGAL_STATUS = {
    "L0": SINGLE, "L11": ("MF",), "L12": ("MM", "FF"), "L2": ("MM", "FF", "MF"),
    "L3": ("MF",), "L4": ("MM", "FF"),
}  # fmt: skip


def number_of_adopters(sex: str) -> str:
    """The SSDA903 NB_ADOPTR for the adopters' sex code: 1 for one adopter, 2 for a couple."""
    return "" if not sex else "1" if sex in SINGLE else "2"


@recorded
def record_adoption_decision(
    episode: CareEpisode,
    *,
    decided_on: date,
    held: Sequence[AdoptionDecision] | None = None,
    period_began: date | None = None,
    by: User | None = None,
    origin: str = "web",
) -> AdoptionDecision:
    """The decision, made during the care ``episode``, that the child should be placed for
    adoption. ``period_began`` is the day the child's period of care began (the episode's
    own start when not given; earlier when the episode followed another in the same period,
    a change of legal status say). ``held`` is the child's decisions recorded before (read
    from the records when not given): one made in this period must have been reversed by
    the day of this one; one made in an earlier period of care ended with it."""
    began = min(episode.started_on, period_began or episode.started_on)
    if decided_on < began or (episode.ended_on and decided_on > episode.ended_on):
        ended = f" to {episode.ended_on}" if episode.ended_on else ""
        raise CaseworkError(
            "decided_on",
            f"the child was not looked after on {decided_on} in this episode (from "
            f"{began}{ended}): a decision to place for adoption is made while the "
            "child is looked after",
        )
    earlier = list(held) if held is not None else _held(episode.child_id)
    for decision in earlier:
        if decision.decided_on == decided_on:
            raise CaseworkError("decided_on", f"a decision of {decided_on} is already recorded")
        if began <= decision.decided_on < decided_on and (
            decision.reversed_on is None or decision.reversed_on > decided_on
        ):
            raise CaseworkError("decided_on", f"the decision of {decision.decided_on} still "
                                "stands on this day: record its reversal first")  # fmt: skip
    decision = build(AdoptionDecision, child_id=episode.child_id, decided_on=decided_on)
    provenance(decision, by, origin)
    writer().add(decision)
    return decision


@recorded
def reverse_adoption_decision(
    decision: AdoptionDecision, *, reversed_on: date, reason: str
) -> AdoptionDecision:
    """The decision that the child should no longer be placed for adoption, and why."""
    require_on_or_after("reversed_on", reversed_on, decision.decided_on, "decision")
    require_code("reason", "reason_no_longer_placed_for_adoption", reason)
    decision.reversed_on, decision.reversed_reason = reversed_on, reason
    writer().update(decision, "reversed_on", "reversed_reason")
    return decision


@recorded
def record_adoption_match(
    decision: AdoptionDecision,
    *,
    matched_on: date,
    adopters_sex: str,
    adopters_legal_status: str,
    household: AdopterHousehold | None = None,
) -> AdoptionDecision:
    """The child matched with the adopters: the day, their sex and their legal status,
    and (when they are the LA's own prospective adopters) their household, which must be
    approved by then and whose people's sexes must agree with ``adopters_sex``."""
    if decision.reversed_on is not None:
        raise CaseworkError("matched_on", f"the decision was reversed on {decision.reversed_on}: "
                            "a match follows a decision that stands")  # fmt: skip
    require_on_or_after("matched_on", matched_on, decision.decided_on, "decision")
    require_code("adopters_sex", "adopters_sex", adopters_sex)
    require_code("adopters_legal_status", "adopters_legal_status", adopters_legal_status)
    allowed = SEXES_BY_LEGAL_STATUS[adopters_legal_status]
    if adopters_sex not in allowed:
        raise CaseworkError("adopters_sex", f"adopters of legal status {adopters_legal_status} "
                            f"are {' or '.join(allowed)}, not {adopters_sex}")  # fmt: skip
    if household is not None:
        check_can_be_matched(household, matched_on)
        theirs = adopters_sex_of(household)
        if theirs is not None and theirs != adopters_sex:
            raise CaseworkError("adopters_sex", f"household {household.family_id}'s adopters "
                                f"are {theirs}, not {adopters_sex}")  # fmt: skip
    decision.matched_on, decision.household = matched_on, household
    decision.adopters_sex, decision.adopters_legal_status = adopters_sex, adopters_legal_status
    writer().update(decision, "matched_on", "adopters_sex", "adopters_legal_status", "household")
    return decision


def _held(child_id: int) -> list[AdoptionDecision]:
    current = writer()
    if isinstance(current, BatchWriter) and current.detached:
        return []  # a detached batch records only children it created: nothing is held
    return list(AdoptionDecision.objects.filter(child_id=child_id))
