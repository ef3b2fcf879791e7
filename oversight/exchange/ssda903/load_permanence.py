"""Recording a child's previous permanence row on the care episode that began the child's
period of care (the return's latest episode row beginning one, S), through
``services.record_previous_permanence``.

A row the records already hold the same is matched; one that differs is noted, and the
records kept. What cannot be recorded is noted, never dropped: a row with no option, a
date that is no date (day and month may be ZZ), and a row for a child none of whose
rows begins a period of care.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from oversight.casework import services
from oversight.casework.models import CareEpisode, Child
from oversight.casework.services import CaseworkError
from oversight.exchange.importing import DIFFERENT
from oversight.exchange.ssda903.care import read_permanence_date
from oversight.exchange.ssda903.load_file import Row

if TYPE_CHECKING:
    from oversight.exchange.ssda903.load_child import ChildImport

TABLE = "previous_permanence"
ITEMS = ("PREV_PERM", "LA_PERM", "DATE_PERM")
NO_PERIOD = "no episode row of the child begins a period of care (S) to keep it with: not kept"
NO_OPTION = "is blank: the row is not kept"
NOT_A_DATE = "is not a date (dd/mm/YYYY, ZZ for a day or month not known): not kept"
FIELDS = {"option": "PREV_PERM", "la_code": "LA_PERM", "on": "DATE_PERM", "known": "DATE_PERM"}


class PermanenceImport:
    def __init__(self, of: ChildImport, child: Child) -> None:
        self.of, self.child, self.stored = of, child, of.stored

    def record(self) -> None:
        for row in self.of.filed.table(TABLE):
            if not any(row[item] for item in ITEMS):
                continue  # an empty row says nothing
            try:
                self._row(row)
            except CaseworkError as error:
                raise self.of.refused(error, row, FIELDS.get(error.field)) from None

    def _row(self, row: Row) -> None:
        episode = self._period_start()
        if episode is None:
            for item in ITEMS:
                if row[item]:
                    self.of.note(item, NO_PERIOD, row)
            return
        if not row["PREV_PERM"]:
            self.of.note("PREV_PERM", NO_OPTION, row)
            return
        dated = read_permanence_date(row["DATE_PERM"]) if row["DATE_PERM"] else None
        if row["DATE_PERM"] and dated is None:
            self.of.note("DATE_PERM", NOT_A_DATE, row)
        on, known = dated if dated is not None else (None, "day")
        given = (row["PREV_PERM"], row["LA_PERM"] or "", on, known if on else "")
        held = (episode.previous_permanence, episode.previous_permanence_la,
                episode.previous_permanence_on, episode.previous_permanence_known)  # fmt: skip
        if held == given:
            return
        if episode.previous_permanence:
            self.of.note("PREV_PERM", DIFFERENT, row)
            return
        services.record_previous_permanence(
            episode, option=row["PREV_PERM"], la_code=row["LA_PERM"] or "", on=on, known=known
        )
        self.of.created["previous_permanence"] += 1

    def _period_start(self) -> CareEpisode | None:
        """The child's episode that the return's latest S row began."""
        began = [row["DECOM"] for row in self.of.filed.table("episodes")
                 if row["RNE"] == "S" and row["DECOM"] is not None]  # fmt: skip
        found = self.stored.placement_from(self.child.pk, max(began)) if began else None
        return found[0] if found is not None else None
