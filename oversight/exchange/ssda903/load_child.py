"""Recording one child of an SSDA903 return through the casework services.

A child already in the records (same child id) keeps their record; a value of the header
that differs from it is noted, not written over, and a UPN or mother's status the records
lack is added. A new child is registered with a placeholder name that says the return
holds no names, with no disability recorded (the return has no place for disabilities),
as an unaccompanied asylum-seeking child when the UASC file has them, and with the
header's UPN and mother's status (a UN code says only why there is no UPN). Then their
episodes (``load_care``), reviews, missing periods, care leaver statuses and the
year's outcomes of the OC2 file (``load_events``), their previous permanence
(``load_permanence``), their decisions to place for adoption and adoptions
(``load_adoption``) and their social worker episodes as allocations
(``load_social_workers``). Every new record's ``origin`` names the file and
line of the row it came from. Values the records have no place for (a UN code they
cannot tell again) are counted in the notes. A
refusal by the services becomes a ``ChildRefused``, which holds the child back with the
field, its value and the reason.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.services import CaseworkError
from oversight.casework.services.child_details import record_child_details
from oversight.exchange.importing import DIFFERENT, NOT_HELD, Notes, Problem, origin
from oversight.exchange.sex import records_sex, returned_sex
from oversight.exchange.ssda903.care import birthday
from oversight.exchange.ssda903.codes import UPN_UNKNOWN
from oversight.exchange.ssda903.header import last_looked_after, too_young_to_be_asked, upn_item
from oversight.exchange.ssda903.load_file import FiledChild, Row
from oversight.exchange.ssda903.load_stored import Stored
from oversight.exchange.ssda903.spec import CollectionYear

SOURCE = "SSDA903"
# The return holds no names: an imported child is named so that nobody takes the
# placeholder for a real name.
PLACEHOLDER_FIRST_NAME = "Not known"
PLACEHOLDER_LAST_NAME = "(the SSDA903 return holds no names)"
# The return's field behind each field a service names when it refuses an event.
RETURN_FIELDS = {
    "la_child_id": "CHILD", "date_of_birth": "DOB", "sex": "SEX", "ethnicity": "ETHNIC",
    "started_on": "DECOM", "on": "DECOM", "legal_status": "LS", "placement_type": "PLACE",
    "provider": "PLACE_PROVIDER", "reason_new_episode": "RNE", "ended_on": "DEC",
    "reason_ceased": "REC", "held_on": "REVIEW", "returned_on": "MIS_END",
    "accommodation": "ACCOM", "activity": "ACTIV", "not_in_touch_reason": "IN_TOUCH",
    "home_postcode": "HOME_POST", "postcode": "PL_POST", "urn": "URN",
}  # fmt: skip
# A bad UPN or mother's status does not hold the child back: it is left out, and noted.
NOT_KEPT = "not kept: the records refuse it (a UPN that fails its check, or a mother's details)"
DETAILS = {"upn": "UPN", "is_mother": "MOTHER", "first_child_born_on": "MC_DOB"}


class ChildRefused(Exception):
    """The services would not record an event of the child: the child is held back."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class ChildImport:
    """One filed child: registered or found, then each of their rows; counts what it makes."""

    def __init__(self, filed: FiledChild, stored: Stored, year: CollectionYear,
                 created: Counter[str], notes: Notes) -> None:  # fmt: skip
        self.filed, self.stored, self.year = filed, stored, year
        self.created, self.notes = created, notes
        self.child_id = filed.child_id or ""

    def origin(self, row: Row) -> str:
        return origin(SOURCE, row["file"], row["line"])

    def note(self, name: str, why: str, row: Row) -> None:
        self.notes.add(name, why, self.child_id, row["line"], row["file"])

    def refused(self, error: CaseworkError, row: Row, name: str | None = None) -> ChildRefused:
        """The child held back for the refusal, against ``name`` (the return's field; by
        default the one behind the field the service names)."""
        name = name or RETURN_FIELDS.get(error.field, error.field)
        value = row.get(name)
        shown = f"{value:%d/%m/%Y}" if isinstance(value, date) else "" if value is None else value
        why = f"the records refuse it: {error.field}: {error.message}"
        return ChildRefused(Problem(self.child_id, row["line"], "records", name, str(shown), why,
                                    row["file"]))  # fmt: skip

    def record(self) -> Child:
        from oversight.exchange.ssda903.load_adoption import AdoptionImport
        from oversight.exchange.ssda903.load_care import CareImport
        from oversight.exchange.ssda903.load_events import EventsImport
        from oversight.exchange.ssda903.load_permanence import PermanenceImport
        from oversight.exchange.ssda903.load_social_workers import SocialWorkersImport

        header = self.filed.header
        assert header is not None  # a child with no header is held back before
        child = self.stored.child(self.child_id)
        if child is None:
            child = self._register(header)
        else:
            self._compare(child, header)
        CareImport(self, child).record()
        EventsImport(self, child).record()
        PermanenceImport(self, child).record()
        AdoptionImport(self, child).record()
        SocialWorkersImport(self, child).record()
        self._note_not_held(header)
        return child

    def _register(self, header: Row) -> Child:
        try:
            child = services.register_child(
                la_child_id=self.child_id, first_name=PLACEHOLDER_FIRST_NAME,
                last_name=PLACEHOLDER_LAST_NAME, sex=records_sex(header["SEX"]),
                date_of_birth=header["DOB"], ethnicity=header["ETHNIC"],
                uasc=bool(self.filed.table("uasc")), origin=self.origin(header),
            )  # fmt: skip
        except CaseworkError as error:
            raise self.refused(error, header) from None
        self._record_details(child, header, self._details(header))
        self.stored.add_child(child)
        self.created["children"] += 1
        return child

    def _details(self, header: Row) -> dict[str, Any]:
        """The header's UPN and mother's status as the records keep them (None: not given):
        not a UN code, which says only why there is no UPN, nor the 0 of a girl under 12
        all the time she was looked after in the year (``header.mother_items``)."""
        upn = (header["UPN"] or "").upper()
        mother = {"1": True, "0": False}.get(header["MOTHER"] or "")
        until = last_looked_after((e["DEC"] for e in self.filed.table("episodes")), self.year)
        if mother is False and too_young_to_be_asked(header["DOB"], until):
            mother = None
        return {"upn": "" if upn in UPN_UNKNOWN else upn, "is_mother": mother,
                "first_child_born_on": header["MC_DOB"]}  # fmt: skip

    def _record_details(self, child: Child, header: Row, details: dict[str, Any]) -> None:
        self._note_upn_reason(header)
        if all(value in (None, "") for value in details.values()):
            return
        try:
            record_child_details(child, **details)
        except CaseworkError as error:
            self.note(DETAILS.get(error.field, error.field), NOT_KEPT, header)

    def _note_upn_reason(self, header: Row) -> None:
        """A UN code the records cannot tell again (all but UN1 and UN2) is not kept."""
        upn, uasc = header["UPN"], bool(self.filed.table("uasc"))
        if upn in UPN_UNKNOWN and upn != upn_item("", header["DOB"], uasc, self.year):
            self.note("UPN", NOT_HELD, header)

    def _add_details(self, child: Child, header: Row) -> None:
        """What the records lack of the header's details is added; a difference is noted."""
        lacking = {}
        for name, value in self._details(header).items():
            held = getattr(child, name)
            if value in (None, "") or value == held:
                continue
            if held in (None, ""):
                lacking[name] = value
            else:
                self.note(DETAILS[name], DIFFERENT, header)
        self._record_details(child, header, lacking)

    def _compare(self, child: Child, header: Row) -> None:
        in_file_and_held: dict[str, tuple[Any, Any]] = {
            "SEX": (header["SEX"], returned_sex(child.sex)),
            "DOB": (header["DOB"], child.date_of_birth),
            "ETHNIC": (header["ETHNIC"], child.ethnicity),
        }
        if self.filed.table("uasc"):
            in_file_and_held["UASC"] = (True, child.uasc)
        for name, (in_file, held) in in_file_and_held.items():
            if in_file != held and not (name == "SEX" and records_sex(in_file) == child.sex):
                self.note(name, DIFFERENT, header)
        self._add_details(child, header)

    def _note_not_held(self, header: Row) -> None:
        self._note_uasc_ceased()
        self._note_other_births(header)

    def _note_uasc_ceased(self) -> None:
        """The records end a child's UASC status at 18: another day is not kept."""
        born = self.filed.born
        for row in self.filed.table("uasc"):
            at_18 = birthday(born, 18) if born else None
            if row["DUC"] is not None and row["DUC"] != at_18:
                self.note("DUC", "the records end UASC status at 18: another day is not kept",
                          row)  # fmt: skip

    def _note_other_births(self, header: Row) -> None:
        for name, rows in self.filed.rows.items():
            for row in rows:
                if name != "header" and row.get("DOB") not in (None, header["DOB"]):
                    self.note("DOB", "differs from the header's, which is kept", row)
