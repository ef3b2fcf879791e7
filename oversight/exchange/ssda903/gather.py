"""Who and what is in a year's SSDA903 return, gathered from the casework records.

A child is in the return when looked after at any time in the year (a care episode open
on some day from 1 April to 31 March), or when a care leaver whose 17th to 21st birthday
falls in the year (``care.is_care_leaver``); a care leaver not looked after in the year
has only a header and an OC3 row. The return sees the records as they stood on 31 March:
later events are left out, and a later end is returned blank. For each child:

- **header**: sex (M, F or U), date of birth, ethnicity, the UPN (or the reason there is
  none) and, for a girl, whether she is a mother and her first child's birth date
  (``header``);
- **episodes**: one row per placement within each care episode open in the year. The
  first placement of an episode begins as the episode did (``reason_new_episode``),
  later ones are changes of placement and carers (P), or of placement only (T) for an
  adoption placement with the current foster carers (A3, A5); a placement that ends with
  the episode ends with its reason, one followed by another ends X1. The category of
  need is the primary need of the referral under which the period of care began (the
  latest before it, else the first after it), the same for the whole period. A row that
  ends in a move to the episode's next placement (or to the first placement of an
  episode begun with it, B or U) gives the reason for the change recorded with that
  placement (the DfE's REASON_PLACE_CHANGE sits on the row that
  ends, rule 225). The child's home postcode is the one held on the episode, the
  placement's postcode and Ofsted URN those held on the placement, blank where none is;
- **reviews**: the child-in-care reviews held in the year, with the participation code
  (``participation``);
- **UASC**: children of the return recorded as unaccompanied asylum seekers (care leavers
  not looked after in the year too), unless the status ceased before the year; it ceases
  at 18;
- **OC2**: children looked after 12 months at 31 March, with the outcomes recorded for
  the year ending that day (``YearOutcomes``: SDQ score or reason, conviction, health and
  substance misuse), blank where none are recorded;
- **AD1**, **placed for adoption**: the decisions to place for adoption, their reversal,
  and the match of a child adopted in the year (``adoption``);
- **OC3**: in touch, activity and accommodation from the care leaver's status recorded
  closest to the birthday in the 3 months before to 1 month after it;
- **missing**: periods missing from care (M) or away from placement without
  authorisation (A) that began while the child was looked after and were open in the
  year;
- **previous permanence**: as recorded when the child's care began in the year, else
  the permanence an earlier period in the records ended in (``care.previous_permanence``);
- **social worker episodes**: the child's allocations to a worker during care in the
  year, with the worker's Social Work England number (SW_ID) and the allocation's reason
  for the change of social worker (SW_REASON); blank where the records hold none.

What cannot be placed in the return is reported in ``left_out``, never silently dropped.
Children are read a chunk at a time, in child id order, so memory stays small.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from oversight.casework.models import (
    AdoptionDecision,
    Allocation,
    CareEpisode,
    CareLeaverStatus,
    Child,
    MissingEpisode,
    Placement,
    Plan,
    PlanKind,
    Referral,
    Review,
    ReviewKind,
    YearOutcomes,
)
from oversight.exchange.sex import returned_sex
from oversight.exchange.ssda903.adoption import (
    DECISION_FIELDS,
    ad1_items,
    adoption_in_the_year,
    decision_rows,
    placed_in_the_year,
)
from oversight.exchange.ssda903.care import (
    RESPITE,
    EpisodeRecord,
    PlacementRecord,
    as_at,
    birthday,
    care_leaver_birthday,
    category_of_need,
    in_oc2,
    in_touch_code,
    is_care_leaver,
    periods_of_care,
    permanence_date,
    placement_change,
    previous_permanence,
    status_window,
)
from oversight.exchange.ssda903.header import last_looked_after, mother_items, upn_item
from oversight.exchange.ssda903.participation import participation_code
from oversight.exchange.ssda903.social_workers import worker_episodes
from oversight.exchange.ssda903.spec import TABLES, CollectionYear

CHUNK = 500  # children per round of queries (SQLite allows 999 parameters)
# The yes-or-no outcomes recorded for a year (``YearOutcomes``), by their OC2 column.
OC2_YES_NO = {
    "convicted": "CONVICTED", "health_check": "HEALTH_CHECK", "immunisations": "IMMUNISATIONS",
    "teeth_check": "TEETH_CHECK", "health_assessment": "HEALTH_ASSESSMENT",
    "substance_misuse": "SUBSTANCE_MISUSE", "intervention_received": "INTERVENTION_RECEIVED",
    "intervention_offered": "INTERVENTION_OFFERED",
}  # fmt: skip
OC2_ITEMS = ("sdq_score", "sdq_reason", *OC2_YES_NO)
Row = dict[str, Any]


@dataclass
class Child903:
    """One child's rows in each table of the return (values as dates, text or blank)."""

    la_child_id: str
    record_id: int
    rows: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))

    def add(self, table: str, **values: Any) -> None:
        row = dict.fromkeys(TABLES[table]) | {"CHILD": self.la_child_id} | values
        self.rows[table].append(row)


@dataclass
class Gathering:
    year: CollectionYear
    left_out: list[str] = field(default_factory=list)


def children_in_return(year: CollectionYear, children: QuerySet[Child]) -> QuerySet[Child]:
    """Children looked after in the year, and those who may be care leavers in it."""
    in_care = CareEpisode.objects.filter(started_on__lte=year.end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=year.start)
    )
    # Born so that a 17th to 21st birthday falls in the year, and looked after at some time
    # or known as a care leaver.
    ever_in_care = CareEpisode.objects.filter(started_on__lte=year.end).values("child_id")
    leaving_age = Q(
        date_of_birth__gte=birthday(year.start, -21), date_of_birth__lte=birthday(year.end, -17)
    ) & (Q(pk__in=ever_in_care) | known_care_leavers(year))
    return children.filter(Q(pk__in=in_care.values("child_id")) | leaving_age).order_by(
        "la_child_id"
    )


def known_care_leavers(year: CollectionYear) -> Q:
    """Children the records know as care leavers by the year end, as a condition on them."""
    pathway = Plan.objects.filter(kind=PlanKind.PATHWAY, start_on__lte=year.end)
    statuses = CareLeaverStatus.objects.filter(recorded_on__lte=year.end)
    return Q(pk__in=pathway.values("child_id")) | Q(pk__in=statuses.values("child_id"))


CHILD_FIELDS = ("id", "la_child_id", "sex", "date_of_birth", "ethnicity", "uasc", "upn",
                "is_mother", "first_child_born_on")  # fmt: skip


def gather(
    year: CollectionYear,
    children: QuerySet[Child],
    gathering: Gathering | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Child903]:
    """Every child of the return, with their rows. ``progress`` is told (done, to do) as
    each child who may be in the return is looked at."""
    gathering = gathering or Gathering(year)
    rows = list(children_in_return(year, children).values(*CHILD_FIELDS))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        records = _Records.load(year, [row["id"] for row in chunk])
        for done, row in enumerate(chunk, start=start + 1):
            child = _ChildRows(gathering, records, row).gathered()
            if child is not None:
                yield child
            if progress is not None:
                progress(done, len(rows))


class _Records:
    """One chunk's records, fetched in a few queries, by child."""

    def __init__(self) -> None:
        self.episodes: dict[int, list[EpisodeRecord]] = defaultdict(list)
        self.reviews: dict[int, list[Row]] = defaultdict(list)
        self.missing: dict[int, list[Row]] = defaultdict(list)
        self.statuses: dict[int, list[Row]] = defaultdict(list)
        self.allocations: dict[int, list[Row]] = defaultdict(list)
        self.decisions: dict[int, list[Row]] = defaultdict(list)
        self.needs: dict[int, list[tuple[date, str]]] = defaultdict(list)
        self.outcomes: dict[int, Row] = {}
        self.known_leavers: set[int] = set()

    @classmethod
    def load(cls, year: CollectionYear, ids: list[int]) -> _Records:
        records = cls()
        records._episodes(year, ids)
        theirs = Q(child_id__in=ids)
        reviews = Review.objects.filter(theirs, kind=ReviewKind.CLA,
                                        held_on__range=(year.start, year.end))  # fmt: skip
        records._group(records.reviews, reviews.order_by("held_on", "id"), "held_on",
                       "child_participated", "views_recorded", "how_expressed")  # fmt: skip
        missing = MissingEpisode.objects.filter(theirs, started_on__lte=year.end).filter(
            Q(returned_on__isnull=True) | Q(returned_on__gte=year.start)
        )
        records._group(records.missing, missing.order_by("started_on", "id"), "started_on",
                       "returned_on", "away")  # fmt: skip
        earliest = status_window(year.start)[0]
        statuses = CareLeaverStatus.objects.filter(theirs, recorded_on__range=(earliest, year.end))
        records._group(records.statuses, statuses.order_by("recorded_on", "id"), "recorded_on",
                       "in_touch", "not_in_touch_reason", "accommodation",
                       "activity")  # fmt: skip
        allocations = Allocation.objects.filter(theirs, worker__isnull=False,
                                                start_on__lte=year.end)  # fmt: skip
        records._group(records.allocations, allocations.order_by("start_on", "id"), "worker_id",
                       "start_on", "end_on", "change_reason",
                       "worker__swe_number")  # fmt: skip
        decisions = AdoptionDecision.objects.filter(theirs, decided_on__lte=year.end)
        records._group(records.decisions, decisions.order_by("decided_on", "id"),
                       *DECISION_FIELDS)  # fmt: skip
        referrals = Referral.objects.filter(theirs, received_on__lte=year.end).exclude(
            primary_need=""
        )
        for row in referrals.order_by("received_on", "id").values(
            "child_id", "received_on", "primary_need"
        ):
            records.needs[row["child_id"]].append((row["received_on"], row["primary_need"]))
        outcomes = YearOutcomes.objects.filter(theirs, year_end=year.end)
        records.outcomes = {row["child_id"]: row for row in outcomes.values("child_id", *OC2_ITEMS)}
        known = Child.objects.filter(known_care_leavers(year), pk__in=ids)
        records.known_leavers = set(known.values_list("pk", flat=True))
        return records

    def _group(self, into: dict[int, list[Row]], found: QuerySet[Any], *fields: str) -> None:
        for row in found.values("child_id", *fields):
            into[row["child_id"]].append(row)

    def _episodes(self, year: CollectionYear, ids: list[int]) -> None:
        found = CareEpisode.objects.filter(child_id__in=ids, started_on__lte=year.end)
        by_id: dict[int, EpisodeRecord] = {}
        fields = ("id", "child_id", "started_on", "ended_on", "legal_status",
                  "reason_new_episode", "reason_ceased", "previous_permanence",
                  "previous_permanence_la", "previous_permanence_on",
                  "previous_permanence_known", "home_postcode")  # fmt: skip
        for row in found.order_by("started_on", "id").values(*fields):
            ended = as_at(row["ended_on"], year)
            episode = EpisodeRecord(row["started_on"], ended, row["legal_status"],
                                    row["reason_new_episode"],
                                    row["reason_ceased"] if ended else "",
                                    permanence=_permanence(row),
                                    home_postcode=row["home_postcode"])  # fmt: skip
            by_id[row["id"]] = episode
            self.episodes[row["child_id"]].append(episode)
        placements = Placement.objects.filter(episode__child_id__in=ids, started_on__lte=year.end)
        for row in placements.order_by("started_on", "id").values(
            "episode_id",
            "started_on",
            "ended_on",
            "placement_type",
            "provider",
            "change_reason",
            "postcode",
            "urn",
        ):
            ended = as_at(row["ended_on"], year)
            placement = PlacementRecord(row["started_on"], ended, row["placement_type"],
                                        row["provider"], row["change_reason"], row["postcode"],
                                        row["urn"])  # fmt: skip
            if row["episode_id"] in by_id:
                by_id[row["episode_id"]].placements.append(placement)


class _ChildRows:
    """The rows of one child, from the chunk's records."""

    def __init__(self, gathering: Gathering, records: _Records, row: Row) -> None:
        self.gathering, self.year, self.records = gathering, gathering.year, records
        self.id, self.born = row["id"], row["date_of_birth"]
        self.child = Child903(row["la_child_id"], row["id"])
        self.row = row
        self.episodes = records.episodes.get(self.id, [])
        self.in_year = [e for e in self.episodes if e.overlaps(self.year.start, self.year.end)]

    def gathered(self) -> Child903 | None:
        leaver = self._care_leaver()
        if not self.in_year and leaver is None:
            return None
        self._header()
        if self.in_year:
            self._looked_after()
        self._uasc()
        if leaver is not None:
            self._oc3(leaver)
        return self.child

    def _uasc(self) -> None:
        """A child of the return who was an unaccompanied asylum seeker, unless the status
        ceased (at 18) before the year: a care leaver no longer looked after too, or last
        year's UASC row would have no follow-up this year (rule 205A)."""
        if not self.row["uasc"]:
            return
        ceases = birthday(self.born, 18) if self.born else None
        if ceases is not None and ceases < self.year.start:
            return
        ceased = as_at(ceases, self.year) if ceases else None
        self.child.add("uasc", SEX=returned_sex(self.row["sex"]), DOB=self.born, DUC=ceased)

    def _header(self) -> None:
        row = self.row
        # Motherhood is asked of those looked after in the year, not of other care leavers
        # (rule 628).
        until = last_looked_after((e.ended_on for e in self.in_year), self.year)
        mother, first_born = (
            mother_items(row["sex"], self.born, row["is_mother"], row["first_child_born_on"],
                         self.year, until)
            if self.in_year else (None, None)
        )  # fmt: skip
        self.child.add("header", SEX=returned_sex(row["sex"]), DOB=self.born,
                       ETHNIC=row["ethnicity"], MOTHER=mother, MC_DOB=first_born,
                       UPN=upn_item(row["upn"], self.born, row["uasc"], self.year))  # fmt: skip

    def _looked_after(self) -> None:
        self._episode_rows()
        for review in self.records.reviews.get(self.id, []):
            heard = (review[k] for k in ("child_participated", "views_recorded", "how_expressed"))
            code = participation_code(self.born, review["held_on"], *heard)
            self.child.add("reviews", DOB=self.born, REVIEW=review["held_on"], REVIEW_CODE=code)
        self._cohorts()
        self._missing()
        self._social_workers()

    def _episode_rows(self) -> None:
        for period in periods_of_care(self.episodes):
            need = category_of_need(self.records.needs.get(self.id, []), period[0].started_on)
            for number, episode in enumerate(period):
                following = period[number + 1] if number + 1 < len(period) else None
                if episode in self.in_year:
                    self._placement_rows(episode, need, following)

    def _placement_rows(self, episode: EpisodeRecord, need: str | None,
                        following: EpisodeRecord | None) -> None:  # fmt: skip
        if not episode.placements:
            self._left_out(f"the care episode from {episode.started_on} has no placement")
        year, last = self.year, len(episode.placements) - 1
        for number, placement in enumerate(episode.placements):
            ended = placement.ended_on
            if ended is not None and ended < year.start:
                continue
            ends_care = number == last and ended is not None and ended == episode.ended_on
            reason = (episode.reason_ceased or None) if ends_care else "X1"
            began = placement_change(placement.placement_type)
            # Why the child moved on is kept with the placement moved into: the next in the
            # episode, or the first of the next episode when it began with a new placement.
            moved = episode.placements[number + 1] if number < last and ended else None
            if number == last and following is not None and following.placements:
                moved = following.placements[0]
            self.child.add(
                "episodes", DECOM=placement.started_on,
                RNE=episode.reason_new_episode if number == 0 else began,
                LS=episode.legal_status, CIN=need, PLACE=placement.placement_type,
                PLACE_PROVIDER=placement.provider or None, DEC=ended,
                REC=reason if ended is not None else None,
                REASON_PLACE_CHANGE=(moved.change_reason or None) if moved else None,
                HOME_POST=episode.home_postcode or None, PL_POST=placement.postcode or None,
                URN=placement.urn or None,
            )  # fmt: skip

    def _cohorts(self) -> None:
        if in_oc2(self.episodes, self.year):
            self.child.add("oc2", DOB=self.born, **oc2_items(self.records.outcomes.get(self.id)))
        decisions = self.records.decisions.get(self.id, [])
        adopted = adoption_in_the_year(self.in_year, self.year)
        if adopted is not None:
            self.child.add("ad1", DOB=self.born, **ad1_items(adopted, decisions))
        rows = decision_rows(decisions, self.year)
        if not rows and placed_in_the_year(self.in_year, self.year):
            rows = [{}]  # placed with no decision recorded: the gap shows (rule 551)
        for row in rows:
            self.child.add("placed_for_adoption", DOB=self.born, **row)
        permanence = previous_permanence(self.episodes, self.year)
        if permanence is not None:
            code, la_code, on = permanence
            self.child.add("previous_permanence", DOB=self.born, PREV_PERM=code,
                           LA_PERM=la_code or None, DATE_PERM=on or None)  # fmt: skip

    def _missing(self) -> None:
        for period in self.records.missing.get(self.id, []):
            began = period["started_on"]
            if not any(e.open_on(began) for e in self.episodes):
                self._left_out(f"the missing period from {began} began when the child was "
                               "not looked after")  # fmt: skip
                continue
            self.child.add("missing", DOB=self.born, MISSING="A" if period["away"] else "M",
                           MIS_START=began,
                           MIS_END=as_at(period["returned_on"], self.year))  # fmt: skip

    def _social_workers(self) -> None:
        """The child's social worker episodes (``social_workers.worker_episodes``)."""
        allocations = self.records.allocations.get(self.id, [])
        whole_period = self._looked_after_at_the_end()
        for worker in worker_episodes(allocations, self.year, self.in_year, whole_period):
            self.child.add("social_worker_episodes", DOB=self.born,
                           SW_ID=worker["worker__swe_number"] or None,
                           SW_DECOM=worker["start_on"], SW_DEC=as_at(worker["end_on"], self.year),
                           SW_REASON=worker["change_reason"] or None)  # fmt: skip

    def _looked_after_at_the_end(self) -> bool:
        """Looked after on 31 March, other than on short breaks (V3, V4)."""
        end = self.year.end
        return any(
            e.legal_status not in RESPITE and e.started_on <= end
            and (e.ended_on is None or e.ended_on > end)
            for e in self.in_year
        )  # fmt: skip

    def _care_leaver(self) -> tuple[date, int] | None:
        found = care_leaver_birthday(self.born, self.year)
        if found is None:
            return None
        on, age = found
        known = self.id in self.records.known_leavers
        return found if is_care_leaver(self.episodes, self.born, on, age, known) else None

    def _oc3(self, leaver: tuple[date, int]) -> None:
        status = self._status_near(leaver[0])
        if status is None:
            self.child.add("oc3", DOB=self.born)
            return
        self.child.add(
            "oc3",
            DOB=self.born,
            IN_TOUCH=in_touch_code(status["in_touch"], status["not_in_touch_reason"]),
            ACTIV=status["activity"] or None,
            ACCOM=status["accommodation"] or None,
        )

    def _status_near(self, on: date) -> Row | None:
        first, last = status_window(on)
        last = min(last, self.year.end)
        statuses = self.records.statuses.get(self.id, [])
        near = [s for s in statuses if first <= s["recorded_on"] <= last]

        def distance(status: Row) -> tuple[int, int]:
            # The closest to the birthday; of two as close, the later.
            day = status["recorded_on"]
            return abs((day - on).days), -day.toordinal()

        return min(near, key=distance, default=None)

    def _left_out(self, why: str) -> None:
        self.gathering.left_out.append(f"child {self.child.la_child_id}: {why}")


def oc2_items(outcomes: Row | None) -> Row:
    """The OC2 items of the year's recorded outcomes: yes or no as 1 or 0, blank if none."""
    if outcomes is None:
        return {}
    items = {column: _yes_no(outcomes[name]) for name, column in OC2_YES_NO.items()}
    return items | {
        "SDQ_SCORE": outcomes["sdq_score"],
        "SDQ_REASON": outcomes["sdq_reason"] or None,
    }


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else "1" if value else "0"


def _permanence(row: Row) -> tuple[str, str, str] | None:
    """The previous permanence recorded on an episode, as the return gives it."""
    if not row["previous_permanence"]:
        return None
    on, known = row["previous_permanence_on"], row["previous_permanence_known"] or "day"
    return row["previous_permanence"], row["previous_permanence_la"], permanence_date(on, known)
