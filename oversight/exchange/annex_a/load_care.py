"""Lists 8 and 9 into the records: children in care and care leavers.

- 8 children in care: a care episode from the day the child started to be looked
  after, under their current legal status, matched to a held episode open that day.
  Annex A gives only the latest placement: the episode starts in it, or, when the latest
  placement began later, in one of the same type and provider until then (the earlier
  placements' types are not in Annex A). Then the latest review, the last visit, the
  permanence plan (on the latest review, or the workbook's date: Annex A gives no date),
  the day care ended, with its reason, and the last health assessment and dental check
  (under the care plan: one it refuses, a day outside the period of care, is noted and
  the rest of the row kept). A held episode whose row gives a new legal status,
  begun after its placement, is followed by an episode of the new status (the care plan
  running on): in the same placement, or with the move to the latest placement when that
  began the same day. A legal status (or a latest placement begun when the held one did)
  the row gives otherwise, with no such start, keeps what the records hold; the
  difference is noted.
- 9 care leavers: an open pathway plan (one starting on the workbook's date when none
  is open: Annex A does not give its start), and the care leaver's status on that date:
  in touch, accommodation and its suitability, activity (unless the latest status held
  says the same). "Not in touch" for any reason (died, refused, no longer needs
  services) is recorded as not in touch.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from oversight.casework import services
from oversight.casework.models import (
    CareEpisode,
    CareLeaverStatus,
    Child,
    HealthCheck,
    HealthCheckKind,
    Placement,
    Plan,
    PlanKind,
    Review,
    ReviewKind,
    Visit,
    VisitKind,
)
from oversight.exchange.annex_a.load import Job, RowProblem, about
from oversight.exchange.annex_a.read import ListRow

LONG_TERM = ("U1", "U4")  # long-term fostering: the placements visited every 3 months
NOT_KNOWN = "0"  # SSDA903: not known, the LA is not in touch


def load_care(job: Job) -> None:
    job.each(8, child_in_care)
    job.each(9, care_leaver)


def child_in_care(job: Job, row: ListRow) -> None:
    child, start = job.child(row), row.get("care_start")
    episode = _held_episode(child, start)
    added = episode is None
    if episode is None:
        with about("care_start", start):
            episode, _, _ = services.start_care_episode(
                child, started_on=start, legal_status=row.get("legal_status"),
                placement_type=row.get("placement_type"),
                provider=row.get("placement_provider") or "",
                long_term=row.get("placement_type") in LONG_TERM, origin=job.origin(row),
            )  # fmt: skip
    if not added:
        episode = _legal_status(job, row, episode)
    _latest_placement(job, row, episode)
    _review(job, row, child)
    _visit(job, row, child)
    _permanence(job, row, child)
    _ceased(row, episode)
    _health_checks(job, row, child)
    job.counted("care episode", added=added)


def _legal_status(job: Job, row: ListRow, episode: CareEpisode) -> CareEpisode:
    """The held episode, or the one a new legal status begins: the child is still looked
    after, so the care plan runs on. The new status begins in the placement the child is
    in, or, when the latest placement began that day, with the move to it. A status the
    row gives otherwise with no later start (or none) is noted, the records' kept."""
    status, began = row.get("legal_status"), row.get("legal_status_start")
    current = _placement(episode)
    changed = status is not None and status != episode.legal_status
    if not changed or began is None or began <= current.started_on or episode.ended_on:
        job.differs(row, "legal_status", status, episode.legal_status)
        if row.get("placement_start") == current.started_on:
            job.differs(row, "placement_type", row.get("placement_type"), current.placement_type)
            job.differs(row, "placement_provider", row.get("placement_provider"),
                        current.provider)  # fmt: skip
        return episode
    moved = row.get("placement_start") == began and (
        row.get("placement_type"),
        row.get("placement_provider") or "",
    ) != (current.placement_type, current.provider)
    with about("legal_status_start", began):
        if moved:
            following, _ = services.change_legal_status_and_placement(
                episode, current, on=began, legal_status=status,
                placement_type=row.get("placement_type"),
                provider=row.get("placement_provider") or "",
                long_term=row.get("placement_type") in LONG_TERM, origin=job.origin(row),
            )  # fmt: skip
        else:
            following, _ = services.change_legal_status(
                episode, current, on=began, legal_status=status, origin=job.origin(row)
            )
    job.counted("care episode", added=True)
    return following


def _held_episode(child: Child, start: object) -> CareEpisode | None:
    """The child's latest episode, when it is part of a period of care open on ``start``."""
    open_then = CareEpisode.objects.filter(child=child, started_on__lte=start).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=start)
    )
    if not open_then.exists():
        return None
    return CareEpisode.objects.filter(child=child).order_by("-started_on", "-id").first()


def _placement(episode: CareEpisode) -> Placement:
    found = episode.placements.order_by("-started_on", "-id").first()
    assert found is not None  # every episode starts in a placement
    return found


def _latest_placement(job: Job, row: ListRow, episode: CareEpisode) -> None:
    day, current = row.get("placement_start"), _placement(episode)
    if day is None or day <= current.started_on or episode.ended_on is not None:
        return
    with about("placement_start", day):
        services.change_placement(
            episode, current, on=day, placement_type=row.get("placement_type"),
            provider=row.get("placement_provider") or "",
            long_term=row.get("placement_type") in LONG_TERM, origin=job.origin(row),
        )  # fmt: skip
    job.counted("placement", added=True)


def _care_plan(child: Child) -> Plan | None:
    return Plan.objects.filter(child=child, kind=PlanKind.CARE).order_by("-start_on", "-id").first()


def _review(job: Job, row: ListRow, child: Child) -> None:
    day = row.get("cla_latest_review")
    if not day or Review.objects.filter(child=child, kind=ReviewKind.CLA, held_on=day).exists():
        return
    with about("cla_latest_review", day):
        services.record_review(child, kind=ReviewKind.CLA, held_on=day, plan=_care_plan(child),
                               origin=job.origin(row))  # fmt: skip
    job.counted("review", added=True)


def _visit(job: Job, row: ListRow, child: Child) -> None:
    day = row.get("cla_last_visit")
    if not day or Visit.objects.filter(child=child, kind=VisitKind.CLA, visited_on=day).exists():
        return
    placement = (
        Placement.objects.filter(episode__child=child, started_on__lte=day)
        .order_by("-started_on", "-id")
        .first()
    )
    with about("cla_last_visit", day):
        services.record_visit(child, kind=VisitKind.CLA, visited_on=day, placement=placement,
                              origin=job.origin(row))  # fmt: skip
    job.counted("visit", added=True)


def _permanence(job: Job, row: ListRow, child: Child) -> None:
    """The care plan's permanence plan, when it holds none: made (Annex A gives no date) on
    the latest review the row gives, else on the workbook's date, and no later than care
    ended. A plan held is kept; one the row gives otherwise is noted."""
    option, plan = row.get("permanence_plan"), _care_plan(child)
    if option is None or plan is None:
        return
    held = services.current_permanence_plan(plan)
    if held is not None:
        job.differs(row, "permanence_plan", option, held.option)
        return
    day = row.get("cla_latest_review") or job.as_at
    if day is None:
        raise RowProblem("permanence_plan", option, "Annex A gives no date for the plan: give "
                         "the workbook's date (an About sheet's As at, or --as-at)")  # fmt: skip
    if row.get("care_ceased"):
        day = min(day, row.get("care_ceased"))
    with about("permanence_plan", option):
        services.record_permanence_plan(plan, option=option, decided_on=max(day, plan.start_on),
                                        origin=job.origin(row))  # fmt: skip
    job.counted("permanence plan", added=True)


def _ceased(row: ListRow, episode: CareEpisode) -> None:
    day = row.get("care_ceased")
    if not day or episode.ended_on is not None:
        return
    plan = _care_plan(episode.child)
    if plan is None:
        raise RowProblem("care_ceased", day, "the child's care plan is not in the records: "
                         "record it before ending care")  # fmt: skip
    with about("care_ceased", day):
        services.end_care_episode(episode, _placement(episode), plan, ended_on=day,
                                  reason_ceased=row.get("ceased_reason"))  # fmt: skip


def _health_checks(job: Job, row: ListRow, child: Child) -> None:
    """The last health assessment and dental check (the columns are named as the kinds),
    each when the records hold none of its kind that day: under the care plan, after care
    ended, so that a day outside the period of care is refused as the service refuses
    it. A refused day is noted, and the rest of the row kept."""
    plan = _care_plan(child)
    if plan is None:
        return
    for kind in HealthCheckKind.values:
        day = row.get(kind)
        if day is None or HealthCheck.objects.filter(child=child, kind=kind, done_on=day).exists():
            continue
        try:
            services.record_health_check(plan, kind=kind, done_on=day, origin=job.origin(row))
        except services.CaseworkError as refused:
            where = f"{row.sheet} row {row.row}"
            job.loaded.notes.add(row.annex.column(kind).name, refused.message,
                                 row.get("child_id"), None, where)  # fmt: skip
            continue
        job.counted(HealthCheckKind(kind).label.lower(), added=True)


def care_leaver(job: Job, row: ListRow) -> None:
    day, child = job.as_at, job.child(row)
    if day is None:
        raise RowProblem("in_touch", None, "the workbook does not say the date it was produced "
                         "for (its About sheet): give it with --as-at")  # fmt: skip
    pathway = Plan.objects.filter(child=child, kind=PlanKind.PATHWAY, start_on__lte=day).filter(
        Q(end_on__isnull=True) | Q(end_on__gte=day)
    )
    if not pathway.exists():
        with about("in_touch", day):
            services.start_plan(child, kind=PlanKind.PATHWAY, start_on=day, origin=job.origin(row))
        job.counted("pathway plan", added=True)
    status = _status(row)
    held_before = CareLeaverStatus.objects.filter(child=child, recorded_on__lte=day)
    latest = held_before.order_by("-recorded_on", "-id").first()
    held = latest is not None and all(getattr(latest, k) == v for k, v in status.items())
    if not held:
        with about("accommodation", row.get("accommodation")):
            services.record_care_leaver_status(child, recorded_on=day, origin=job.origin(row),
                                               **status)  # fmt: skip
    job.counted("care leaver status", added=not held)


def _status(row: ListRow) -> dict[str, Any]:
    """The status as the records hold it (SSDA903 codes; "0" when not in touch)."""
    in_touch = row.get("in_touch") == "YES"
    letter, suitable = row.get("accommodation"), row.get("suitability")
    accommodation = f"{letter}{1 if suitable == 'S' else 2}" if letter else ""
    return {
        "in_touch": in_touch,
        "accommodation": accommodation or ("" if in_touch else NOT_KNOWN),
        "accommodation_suitable": (suitable == "S") if letter else None,
        "activity": row.get("activity") or ("" if in_touch else NOT_KNOWN),
    }
