"""Recording a child's reviews, missing periods and care leaver status from the return.

- A review is a child-in-care review held that day, under the care plan then running;
  its participation code gives whether the child took part and how their views reached
  the review (``participation.RECORDED``).
- A missing period is recorded with its return, as missing (M) or away from placement
  without authorisation (A). The return does not say whether a return home interview
  was held, so a return read from it starts no interview clock (``record_return``).
- An OC3 row describes the young person around their birthday in the year; the return
  gives no date, so the status is recorded on that birthday, with the DfE's reason when
  the young person is not in touch (died, refuses contact, no longer needs services,
  back home). A row with nothing in it records nothing.
- An OC2 row gives the outcomes of the year ending the return's 31 March (a 1 or 0 kept
  as yes or no). An item the records refuse (an SDQ score over 40, a reason with a
  score) is left out of the year's outcomes, and noted; a year already recorded is not
  written over: a difference is noted.

Each is matched with the records by its day first, as for episodes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oversight.casework import services
from oversight.casework.models import Child, MissingEpisode, ReviewKind
from oversight.casework.services import CaseworkError
from oversight.exchange.importing import DIFFERENT
from oversight.exchange.ssda903.care import care_leaver_birthday
from oversight.exchange.ssda903.load_file import Row
from oversight.exchange.ssda903.participation import RECORDED, participation_code

if TYPE_CHECKING:
    from oversight.exchange.ssda903.load_child import ChildImport

NO_BIRTHDAY = "no 17th to 21st birthday in the year to date the status by: not kept"
OC3_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")
# The OC2 yes-or-no items, by the field of the year's outcomes that keeps each.
OC2_YES_NO = {
    "CONVICTED": "convicted", "HEALTH_CHECK": "health_check", "IMMUNISATIONS": "immunisations",
    "TEETH_CHECK": "teeth_check", "HEALTH_ASSESSMENT": "health_assessment",
    "SUBSTANCE_MISUSE": "substance_misuse", "INTERVENTION_RECEIVED": "intervention_received",
    "INTERVENTION_OFFERED": "intervention_offered",
}  # fmt: skip
OC2_FIELDS = {"SDQ_SCORE": "sdq_score", "SDQ_REASON": "sdq_reason", **OC2_YES_NO}
YES_NO_ONLY = "the records keep 1 or 0: not kept"


class EventsImport:
    def __init__(self, of: ChildImport, child: Child) -> None:
        self.of, self.child, self.stored = of, child, of.stored

    def record(self) -> None:
        for method, table in ((self._review, "reviews"), (self._missing, "missing"),
                              (self._care_leaver, "oc3"), (self._outcomes, "oc2")):  # fmt: skip
            for row in self.of.filed.table(table):
                try:
                    method(row)
                except CaseworkError as error:
                    raise self.of.refused(error, row) from None

    def _review(self, row: Row) -> None:
        held_on, code = row["REVIEW"], row["REVIEW_CODE"]
        held = self.stored.reviews.get((self.child.pk, held_on))
        if held is not None:
            if participation_code(self.child.date_of_birth, held_on, *held) != code:
                self.of.note("REVIEW_CODE", DIFFERENT, row)
            return
        participated, voice = RECORDED[code]
        services.record_review(
            self.child, kind=ReviewKind.CLA, held_on=held_on,
            plan=self.stored.care_plan_on(self.child.pk, held_on),
            child_participated=participated, origin=self.of.origin(row), **voice,
        )  # fmt: skip
        heard = (voice.get("views_recorded", False), voice.get("how_expressed", ""))
        self.stored.reviews[(self.child.pk, held_on)] = (participated, *heard)
        self.of.created["reviews"] += 1

    def _missing(self, row: Row) -> None:
        began, returned, away = row["MIS_START"], row["MIS_END"], row["MISSING"] == "A"
        held = self.stored.missing.get((self.child.pk, began))
        if held is None:
            episode = services.record_missing_episode(
                self.child, started_on=began, returned_on=returned, away=away,
                follow_up=False, origin=self.of.origin(row),
            )  # fmt: skip
            self.stored.missing[(self.child.pk, began)] = (episode.pk, returned, away)
            self.of.created["missing_episodes"] += 1
            return
        pk, held_return, held_away = held
        if away != held_away:
            self.of.note("MISSING", DIFFERENT, row)
        if held_return is None and returned is not None:
            services.record_return(
                MissingEpisode.objects.get(pk=pk), returned_on=returned, follow_up=False
            )
            self.stored.missing[(self.child.pk, began)] = (pk, returned, held_away)
            self.of.created["returns"] += 1
        elif held_return != returned:
            self.of.note("MIS_END", DIFFERENT, row)

    def _care_leaver(self, row: Row) -> None:
        if all(row[name] is None for name in OC3_ITEMS):
            return
        found = care_leaver_birthday(self.of.filed.born, self.of.year)
        if found is None:
            self.of.note("IN_TOUCH", NO_BIRTHDAY, row)
            return
        on = found[0]
        in_touch, accommodation, activity = row["IN_TOUCH"], row["ACCOM"] or "", row["ACTIV"] or ""
        given = (in_touch or "NO", accommodation, activity)
        held = self.stored.statuses.get((self.child.pk, on))
        if held is not None:
            if held != given:
                self.of.note("IN_TOUCH", DIFFERENT, row)
            return
        services.record_care_leaver_status(
            self.child, recorded_on=on, in_touch=in_touch == "YES", accommodation=accommodation,
            accommodation_suitable=_suitable(accommodation), activity=activity,
            not_in_touch_reason="" if in_touch in ("YES", "NO", None) else in_touch,
            origin=self.of.origin(row),
        )  # fmt: skip
        self.stored.statuses[(self.child.pk, on)] = given
        self.of.created["care_leaver_statuses"] += 1

    def _outcomes(self, row: Row) -> None:
        items = self._oc2_items(row)
        year_end = self.of.year.end
        held = self.stored.outcomes.get((self.child.pk, year_end))
        if held is not None:
            for name, field in OC2_FIELDS.items():
                if getattr(held, field) != items[field]:
                    self.of.note(name, DIFFERENT, row)
            return
        # An item the services refuse is left out, and the rest recorded.
        while any(value not in (None, "") for value in items.values()):
            try:
                made = services.record_year_outcomes(
                    self.child, year_end=year_end, **items, origin=self.of.origin(row)
                )
            except CaseworkError as error:
                if error.field not in items:
                    raise
                name = next(k for k, v in OC2_FIELDS.items() if v == error.field)
                self.of.note(name, f"not kept: the records refuse it: {error.message}", row)
                items[error.field] = "" if error.field == "sdq_reason" else None
                continue
            self.stored.outcomes[(self.child.pk, year_end)] = made
            self.of.created["year_outcomes"] += 1
            return

    def _oc2_items(self, row: Row) -> dict[str, Any]:
        score = row["SDQ_SCORE"]
        items: dict[str, Any] = {
            "sdq_score": None if score is None else int(score),
            "sdq_reason": row["SDQ_REASON"] or "",
        }
        for name, field in OC2_YES_NO.items():
            value = row[name]
            items[field] = {"1": True, "0": False}.get(value or "")
            if value is not None and items[field] is None:
                self.of.note(name, YES_NO_ONLY, row)
        return items


def _suitable(accommodation: str) -> bool | None:
    """The accommodation code says whether it is suitable: 1 suitable, 2 not (0: not known)."""
    return {"1": True, "2": False}.get(accommodation[-1:])
