"""Recording a child's decisions to place for adoption (the placed for adoption file) and
the AD1 record of an adoption as the records' adoption decisions, through
``services.adoption``.

The decisions are taken in date order. One the records hold (same child, same day) is
matched; a reversal it lacks is added (a later return brings the reversal), and one that
differs is noted. A new decision is recorded with the care episode open that day, or with the
child's first episode when the decision comes before it and that episode continues care
begun before the records (its reason for a new episode is not S); a decision on a day
the child's episodes show no care is noted, not kept. An AD1 row's
match and adopters are kept with the decision of its DATE_INT. Whether the adopters were
the foster carers, and how many there are, the records tell from the placement for
adoption and the adopters' sex: a value that disagrees is noted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.casework.models import AdoptionDecision, CareEpisode, Child
from oversight.casework.services import CaseworkError
from oversight.casework.services.adoption import number_of_adopters
from oversight.codes.groups import ADOPTION_PLACEMENTS
from oversight.exchange.importing import DIFFERENT
from oversight.exchange.ssda903.adoption import by_foster_carers
from oversight.exchange.ssda903.load_file import Row

if TYPE_CHECKING:
    from oversight.exchange.ssda903.load_child import ChildImport

DECISION_ITEMS = ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
MATCH_ITEMS = ("DATE_MATCH", "SEX_ADOPTR", "LS_ADOPTR")
FIELDS = {
    "decided_on": "DATE_PLACED", "reversed_on": "DATE_PLACED_CEASED",
    "reason": "REASON_PLACED_CEASED", "matched_on": "DATE_MATCH", "adopters_sex": "SEX_ADOPTR",
    "adopters_legal_status": "LS_ADOPTR",
}  # fmt: skip
NO_DECISION_DATE = "the row gives no date of the decision (DATE_PLACED): not kept"
NOT_IN_CARE = "the child's episodes show no care on the day of the decision: not kept"
HALF_REVERSAL = "a reversal needs both its date and its reason (rule 563): not kept"
NO_DECISION = "no decision of this day (DATE_INT) is in the placed for adoption file or "
NO_DECISION += "the records: the adoption's items are not kept"
HALF_MATCH = "a match needs its date and the adopters' sex and legal status: not kept"
NUMBER_FROM_SEX = "the records tell the number of adopters from their sex (SEX_ADOPTR), "
NUMBER_FROM_SEX += "which gives another: not kept"
FOSTER_FROM_PLACEMENT = "the records tell adoption by the foster carers from the placement "
FOSTER_FROM_PLACEMENT += "for adoption (A3 and A5 are with them, A4 and A6 not), which gives "
FOSTER_FROM_PLACEMENT += "another or none: not kept"


class AdoptionImport:
    def __init__(self, of: ChildImport, child: Child) -> None:
        self.of, self.child, self.stored = of, child, of.stored
        self.held = self.stored.decisions[child.pk]

    def record(self) -> None:
        placed = self.of.filed.table("placed_for_adoption")
        for row in sorted(placed, key=lambda r: (r["DATE_PLACED"] or date.min, r["line"])):
            self._guarded(self._decision, row, DECISION_ITEMS)
        for row in self.of.filed.table("ad1"):
            self._guarded(self._adoption, row, ("DATE_INT", *MATCH_ITEMS))

    def _guarded(self, record: Callable[[Row], None], row: Row, items: tuple[str, ...]) -> None:
        if not any(row[item] for item in items) and not row.get("FOSTER_CARE"):
            return  # an empty row says nothing
        try:
            record(row)
        except CaseworkError as error:
            raise self.of.refused(error, row, FIELDS.get(error.field)) from None

    # Decisions ---------------------------------------------------------------------------

    def _decision(self, row: Row) -> None:
        day = row["DATE_PLACED"]
        if day is None:
            self._note(row, DECISION_ITEMS, NO_DECISION_DATE)
            return
        decision = self._held_on(day)
        if decision is None:
            episode, period_began = self._episode_on(day)
            if episode is None:
                self._note(row, DECISION_ITEMS, NOT_IN_CARE)
                return
            decision = services.record_adoption_decision(
                episode, decided_on=day, held=self.held, period_began=period_began,
                origin=self.of.origin(row),
            )  # fmt: skip
            self.held.append(decision)
            self.of.created["adoption_decisions"] += 1
        self._reversal(decision, row)

    def _reversal(self, decision: AdoptionDecision, row: Row) -> None:
        ceased, reason = row["DATE_PLACED_CEASED"], row["REASON_PLACED_CEASED"]
        if ceased is None and reason is None:
            return
        if ceased is None or reason is None:
            self._note(row, DECISION_ITEMS[1:], HALF_REVERSAL)
            return
        if decision.reversed_on is not None:
            if (decision.reversed_on, decision.reversed_reason) != (ceased, reason):
                self.of.note("DATE_PLACED_CEASED", DIFFERENT, row)
            return
        services.reverse_adoption_decision(decision, reversed_on=ceased, reason=reason)
        self.of.created["adoption_decisions_reversed"] += 1

    def _held_on(self, day: date) -> AdoptionDecision | None:
        return next((d for d in self.held if d.decided_on == day), None)

    def _episode_on(self, day: date) -> tuple[CareEpisode | None, date | None]:
        """The child's episode open on ``day``, or else the first the records hold when it
        continues care begun before them (not S) and begins after ``day``; with the day the
        period of care began, as far as the records tell (``day`` at the latest when the
        period began before them)."""
        episodes = self.stored.episodes[self.child.pk]
        found = [n for n, e in enumerate(episodes)
                 if e.started_on <= day and (e.ended_on is None or day <= e.ended_on)]  # fmt: skip
        if not found:
            first = episodes[0] if episodes else None
            if first is not None and first.reason_new_episode != "S" and day < first.started_on:
                return first, day
            return None, None
        number = first_of_period = found[-1]
        while first_of_period > 0 and (
            episodes[first_of_period - 1].ended_on == episodes[first_of_period].started_on
        ):
            first_of_period -= 1
        began = episodes[first_of_period]
        if first_of_period == 0 and began.reason_new_episode != "S":
            return episodes[number], min(day, began.started_on)
        return episodes[number], began.started_on

    # The adoption ------------------------------------------------------------------------

    def _adoption(self, row: Row) -> None:
        decision = self._held_on(row["DATE_INT"]) if row["DATE_INT"] else None
        if decision is None:
            self._note(row, ("DATE_INT", *MATCH_ITEMS, "NB_ADOPTR", "FOSTER_CARE"), NO_DECISION)
            return
        self._match(decision, row)
        sex = decision.adopters_sex or row["SEX_ADOPTR"] or ""
        if row["NB_ADOPTR"] and row["NB_ADOPTR"] != number_of_adopters(sex):
            self.of.note("NB_ADOPTR", NUMBER_FROM_SEX, row)
        if row["FOSTER_CARE"] and row["FOSTER_CARE"] != self._with_foster_carers():
            self.of.note("FOSTER_CARE", FOSTER_FROM_PLACEMENT, row)

    def _match(self, decision: AdoptionDecision, row: Row) -> None:
        given = tuple(row[item] for item in MATCH_ITEMS)
        if not any(given):
            return
        if not all(given):
            self._note(row, MATCH_ITEMS, HALF_MATCH)
            return
        held = (decision.matched_on, decision.adopters_sex, decision.adopters_legal_status)
        if held == given:
            return
        if decision.matched_on is not None:
            self.of.note("DATE_MATCH", DIFFERENT, row)
            return
        matched_on, sex, status = given
        services.record_adoption_match(
            decision, matched_on=matched_on, adopters_sex=sex, adopters_legal_status=status
        )
        self.of.created["adoption_matches"] += 1

    def _with_foster_carers(self) -> str | None:
        """1 or 0 as the child's latest placement for adoption tells it; None with none."""
        placements = [p for e in self.stored.episodes[self.child.pk]
                      for p in self.stored.placements[e.pk]
                      if p.placement_type in ADOPTION_PLACEMENTS]  # fmt: skip
        return by_foster_carers(placements[-1].placement_type) if placements else None

    def _note(self, row: Row, items: tuple[str, ...], why: str) -> None:
        for item in items:
            if row.get(item) is not None:
                self.of.note(item, why, row)
