"""Children in care, missing episodes and care leavers."""

from dataclasses import dataclass
from datetime import date

from oversight.accounts.models import User
from oversight.casework.models import (
    CareEpisode,
    CareLeaverStatus,
    Child,
    MissingEpisode,
    Placement,
    Plan,
    PlanKind,
)
from oversight.casework.models.build import build
from oversight.casework.policy import current_policy
from oversight.casework.services.children import provenance
from oversight.casework.services.deadlines import (
    VISIT_RULES,
    lapse_deadlines,
    meet_deadlines,
    open_deadline,
)
from oversight.casework.services.errors import CaseworkError, require_code, require_on_or_after
from oversight.casework.services.plans import end_plan, start_plan
from oversight.casework.services.writer import recorded, writer
from oversight.codes.groups import STILL_LOOKED_AFTER, WITH_FOSTER_CARERS
from oversight.codes.places import written_postcode, written_urn

TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})
# Reasons for a new episode that change the placement with the legal status.
NEW_STATUS_AND_PLACEMENT = ("B", "U")


@dataclass(frozen=True)
class Where:
    """A placement's postcode and Ofsted URN, as held (blank when not known)."""

    postcode: str = ""
    urn: str = ""


def _postcode(field: str, text: str) -> str:
    try:
        return written_postcode(text)
    except ValueError as error:
        raise CaseworkError(field, str(error)) from None


def _urn(text: str, placement_type: str) -> str:
    try:
        return written_urn(text, placement_type)
    except ValueError as error:
        raise CaseworkError("urn", str(error)) from None


@recorded
def start_care_episode(
    child: Child,
    *,
    started_on: date,
    legal_status: str,
    placement_type: str,
    reason_new_episode: str = "S",
    provider: str = "",
    long_term: bool = False,
    change_reason: str = "",
    home_postcode: str = "",
    postcode: str = "",
    urn: str = "",
    by: User | None = None,
    origin: str = "web",
) -> tuple[CareEpisode, Placement, Plan]:
    """Becoming looked after: the care plan starts, and the clocks of the first review,
    visit and health assessment.

    An episode begun by a change of legal status and placement together (B, U) may say
    why the child moved (``change_reason``), as a move within an episode does. The child's
    home postcode, and the placement's postcode and Ofsted URN, may be given."""
    require_code("legal_status", "legal_status", legal_status)
    require_code("reason_new_episode", "reason_new_episode", reason_new_episode)
    if change_reason:
        if reason_new_episode not in NEW_STATUS_AND_PLACEMENT:
            raise CaseworkError("change_reason", "only a new placement begun with a new legal "
                                "status (B or U) says why the child moved")  # fmt: skip
        require_code("change_reason", "reason_for_placement_change", change_reason)
    episode = build(
        CareEpisode,
        child=child,
        started_on=started_on,
        legal_status=legal_status,
        reason_new_episode=reason_new_episode,
        home_postcode=_postcode("home_postcode", home_postcode),
    )
    where = Where(_postcode("postcode", postcode), _urn(urn, placement_type))
    provenance(episode, by, origin)
    writer().add(episode)
    placement = _place(episode, started_on, placement_type, provider, long_term, by, origin,
                       change_reason, where)  # fmt: skip
    plan = start_plan(child, kind=PlanKind.CARE, start_on=started_on, by=by, origin=origin)
    open_deadline(child, "cla-first-review", started_on, f"episode:{episode.id}")
    open_deadline(child, "health-assessment-initial", started_on, f"plan:{plan.id}")
    return episode, placement, plan


def _place(
    episode: CareEpisode,
    on: date,
    placement_type: str,
    provider: str,
    long_term: bool,
    by: User | None,
    origin: str,
    change_reason: str = "",
    where: Where | None = None,
) -> Placement:
    require_code("placement_type", "placement_type", placement_type)
    if provider:
        require_code("provider", "placement_provider", provider)
    where = where or Where()
    placement = build(
        Placement,
        episode=episode,
        started_on=on,
        placement_type=placement_type,
        provider=provider,
        long_term=long_term,
        change_reason=change_reason,
        postcode=where.postcode,
        urn=where.urn,
    )
    provenance(placement, by, origin)
    writer().add(placement)
    # A child is visited within a week of every new placement.
    lapse_deadlines(episode.child, VISIT_RULES["cla"], on)
    open_deadline(episode.child, "cla-visit-first", on, f"placement:{placement.id}")
    return placement


@recorded
def change_placement(
    episode: CareEpisode,
    current: Placement,
    *,
    on: date,
    placement_type: str,
    change_reason: str = "",
    provider: str = "",
    long_term: bool = False,
    postcode: str = "",
    urn: str = "",
    by: User | None = None,
    origin: str = "web",
) -> Placement:
    """A move to a new placement in the episode, for a DfE reason for a placement change
    (with the new placement's postcode and Ofsted URN, when given).

    The reason is required on the web; imports and the generator may not know it. A move
    into or out of a temporary placement (T0 to T4) is no change of placement, as the DfE
    counts it (rule 226), and takes no reason."""
    require_on_or_after("on", on, current.started_on, "start of the current placement")
    _check_change_reason(change_reason, current.placement_type, placement_type, origin)
    where = Where(_postcode("postcode", postcode), _urn(urn, placement_type))
    current.ended_on = on
    writer().update(current, "ended_on")
    return _place(episode, on, placement_type, provider, long_term, by, origin, change_reason,
                  where)  # fmt: skip


def _check_change_reason(reason: str, left: str, entered: str, origin: str) -> None:
    if left in TEMPORARY_PLACEMENTS or entered in TEMPORARY_PLACEMENTS:
        if reason:
            raise CaseworkError(
                "change_reason",
                "a move into or out of a temporary placement (T0 to T4) is not a change of "
                "placement: give no reason",
            )
        return
    if reason:
        require_code("change_reason", "reason_for_placement_change", reason)
    elif origin == "web":
        raise CaseworkError("change_reason", "give the reason for the change of placement")


@recorded
def end_care_episode(
    episode: CareEpisode,
    current: Placement,
    care_plan: Plan,
    *,
    ended_on: date,
    reason_ceased: str,
) -> None:
    require_code("reason_ceased", "reason_episode_ceased", reason_ceased)
    require_on_or_after("ended_on", ended_on, episode.started_on, "start of the episode")
    episode.ended_on, episode.reason_ceased = ended_on, reason_ceased
    writer().update(episode, "ended_on", "reason_ceased")
    if current.ended_on is None:
        current.ended_on = ended_on
        writer().update(current, "ended_on")
    if care_plan.is_open:
        end_plan(care_plan, end_on=ended_on, reason=f"Ceased to be looked after ({reason_ceased})")


@recorded
def change_legal_status(
    episode: CareEpisode,
    current: Placement,
    *,
    on: date,
    legal_status: str,
    by: User | None = None,
    origin: str = "web",
) -> tuple[CareEpisode, Placement]:
    """A new legal status in the same placement (a placement order granted, say): as the
    SSDA903 counts it, the episode ends that day (X1) and a new one begins (L), in a
    placement of the same type, provider and term, which the child moved into when they
    moved into the last (so a long-term placement's first year runs on). The child is
    still looked after: the care plan runs on, and no first visit or first review falls
    due."""
    following = _following_episode(episode, current, on, legal_status, "L", by, origin)
    placement = build(Placement, episode=following, started_on=on,
                      placement_type=current.placement_type, provider=current.provider,
                      long_term=current.long_term, postcode=current.postcode,
                      urn=current.urn, moved_in_on=current.lived_in_since)  # fmt: skip
    provenance(placement, by, origin)
    writer().add(placement)
    return following, placement


@recorded
def change_legal_status_and_placement(
    episode: CareEpisode,
    current: Placement,
    *,
    on: date,
    legal_status: str,
    placement_type: str,
    reason_new_episode: str | None = None,
    change_reason: str = "",
    provider: str = "",
    long_term: bool = False,
    postcode: str = "",
    urn: str = "",
    by: User | None = None,
    origin: str = "web",
) -> tuple[CareEpisode, Placement]:
    """A new legal status and a move the same day: B (new carers too) or U (the same
    carers). As the SSDA903 counts it, the episode ends that day (X1) and a new one begins
    with the new placement. The child is still looked after: the care plan runs on and no
    first review falls due; the new placement is visited within a week, as every new
    placement is. Why the child moved is asked for as a move within an episode asks.

    Without ``reason_new_episode``, the placement type tells the carers: the same (U) for
    a placement for adoption with the child's foster carers (A3, A5), else new (B)."""
    if reason_new_episode is None:
        reason_new_episode = "U" if placement_type in WITH_FOSTER_CARERS else "B"
    if reason_new_episode not in NEW_STATUS_AND_PLACEMENT:
        raise CaseworkError("reason_new_episode", "a new legal status with a new placement "
                            "begins an episode for reason B or U")  # fmt: skip
    require_code("placement_type", "placement_type", placement_type)
    _check_change_reason(change_reason, current.placement_type, placement_type, origin)
    where = Where(_postcode("postcode", postcode), _urn(urn, placement_type))
    following = _following_episode(episode, current, on, legal_status, reason_new_episode, by,
                                   origin)  # fmt: skip
    placement = _place(following, on, placement_type, provider, long_term, by, origin,
                       change_reason, where)  # fmt: skip
    return following, placement


def _following_episode(
    episode: CareEpisode,
    current: Placement,
    on: date,
    legal_status: str,
    reason_new_episode: str,
    by: User | None,
    origin: str,
) -> CareEpisode:
    """The episode ended ``on`` with the child still looked after (X1), and the episode
    that follows it under ``legal_status``: the care plan runs on."""
    require_code("legal_status", "legal_status", legal_status)
    if legal_status == episode.legal_status:
        raise CaseworkError("legal_status", f"the child is already looked after under "
                            f"{legal_status}: give the new legal status")  # fmt: skip
    if current.ended_on is not None or episode.ended_on is not None:
        raise CaseworkError("on", "the placement has ended: a new legal status follows the "
                            "placement the child is in")  # fmt: skip
    require_on_or_after("on", on, current.started_on, "start of the current placement")
    episode.ended_on, episode.reason_ceased, current.ended_on = on, STILL_LOOKED_AFTER, on
    writer().update(episode, "ended_on", "reason_ceased")
    writer().update(current, "ended_on")
    following = build(CareEpisode, child=episode.child, started_on=on, legal_status=legal_status,
                      reason_new_episode=reason_new_episode,
                      home_postcode=episode.home_postcode)  # fmt: skip
    provenance(following, by, origin)
    writer().add(following)
    return following


@recorded
def record_placement_location(
    placement: Placement,
    *,
    postcode: str | None = None,
    urn: str | None = None,
    home_postcode: str | None = None,
) -> Placement:
    """Add or correct where a placement is (its postcode and Ofsted URN) and, on its
    episode, the postcode of the child's home when the episode began. ``None`` leaves an
    item as it is held; "" clears it."""
    if postcode is not None:
        placement.postcode = _postcode("postcode", postcode)
    if urn is not None:
        placement.urn = _urn(urn, placement.placement_type)
    if postcode is not None or urn is not None:
        writer().update(placement, "postcode", "urn")
    if home_postcode is not None:
        episode = placement.episode
        episode.home_postcode = _postcode("home_postcode", home_postcode)
        writer().update(episode, "home_postcode")
    return placement


@recorded
def record_missing_episode(
    child: Child,
    *,
    started_on: date,
    returned_on: date | None = None,
    away: bool = False,
    follow_up: bool = True,
    by: User | None = None,
    origin: str = "web",
) -> MissingEpisode:
    """The child went missing from placement on ``started_on`` or, ``away``, was away from
    it without authorisation (where the child was, was known). ``follow_up`` as in
    ``record_return``."""
    episode = build(MissingEpisode, child=child, started_on=started_on, away=away)
    provenance(episode, by, origin)
    writer().add(episode)
    if returned_on is not None:
        record_return(episode, returned_on=returned_on, follow_up=follow_up)
    return episode


@recorded
def record_return(episode: MissingEpisode, *, returned_on: date, follow_up: bool = True) -> None:
    """The child is back: after being missing, a return home interview is due within 72
    hours (after being away, none: the statutory guidance asks it of missing children).

    Without ``follow_up`` (a return read from a DfE return, which does not say whether the
    interview was held) the interview's due date is kept but no clock starts: the import
    of a past year must not fill the worker's list with interviews nobody can now hold.
    """
    require_on_or_after(
        "returned_on", returned_on, episode.started_on, "date the child went missing"
    )
    episode.returned_on = returned_on
    if episode.away:
        writer().update(episode, "returned_on")
        return
    episode.interview_due = current_policy().due_date("return-interview", returned_on)
    writer().update(episode, "returned_on", "interview_due")
    if follow_up:
        open_deadline(episode.child, "return-interview", returned_on, f"missing:{episode.id}")


@recorded
def record_return_interview(episode: MissingEpisode, *, held_on: date) -> None:
    if episode.away:
        raise CaseworkError("held_on", "a return interview follows a missing episode: this "
                            "child was away without authorisation, not missing")  # fmt: skip
    if episode.returned_on is None:
        raise CaseworkError("held_on", "record the child's return before the return interview")
    require_on_or_after("held_on", held_on, episode.returned_on, "date the child returned")
    episode.interview_on, episode.interview_offered = held_on, True
    writer().update(episode, "interview_on", "interview_offered")
    meet_deadlines(episode.child, ("return-interview",), held_on)


@recorded
def record_care_leaver_status(
    child: Child,
    *,
    recorded_on: date,
    in_touch: bool,
    accommodation: str = "",
    accommodation_suitable: bool | None = None,
    activity: str = "",
    not_in_touch_reason: str = "",
    by: User | None = None,
    origin: str = "web",
) -> CareLeaverStatus:
    """What is known of a care leaver on ``recorded_on``. Not in touch, the DfE's reason may
    be given: died (DIED), refuses contact (REFU), no longer needs services (NREQ), or
    back home with parents for 6 months or more (RHOM); the accommodation and activity of
    one who died or is back home are none (0, rule 344)."""
    if not_in_touch_reason:
        described = {accommodation, activity} - {"", NONE}
        _check_not_in_touch(not_in_touch_reason, in_touch, bool(described))
    if accommodation:
        require_code("accommodation", "care_leaver_accommodation", accommodation)
    if activity:
        require_code("activity", "care_leaver_activity", activity)
    status = build(
        CareLeaverStatus,
        child=child,
        recorded_on=recorded_on,
        in_touch=in_touch,
        accommodation=accommodation,
        accommodation_suitable=accommodation_suitable,
        activity=activity,
        not_in_touch_reason=not_in_touch_reason,
    )
    provenance(status, by, origin)
    writer().add(status)
    return status


# The DfE's reasons for not being in touch (SSDA903 IN_TOUCH beside YES and NO), and those
# of them after which no accommodation or activity is asked (rule 344).
NOT_IN_TOUCH_REASONS = ("DIED", "REFU", "NREQ", "RHOM")
NOTHING_ASKED = ("DIED", "RHOM")
NONE = "0"  # the accommodation and activity code for none


def _check_not_in_touch(reason: str, in_touch: bool, described: bool) -> None:
    if in_touch:
        why = "a young person in touch has no reason for not being in touch"
        raise CaseworkError("not_in_touch_reason", why)
    if reason not in NOT_IN_TOUCH_REASONS:
        why = f"'{reason}' is not a DfE reason for not being in touch: "
        raise CaseworkError("not_in_touch_reason", why + ", ".join(NOT_IN_TOUCH_REASONS))
    if reason in NOTHING_ASKED and described:
        why = "the accommodation and activity of a young person who has died or returned home "
        raise CaseworkError("accommodation", why + "are none (0, DfE rule 344)")
