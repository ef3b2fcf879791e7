"""Recording one census child through the casework services, or finding the child held.

A child already in the records (same LAchildID) keeps their record; a value of the file
that differs from it is noted, not written over, and a UPN or date of death the records
lack is added. A new child is registered with a placeholder name that says the census
holds no names, then given the file's UPN and date of death. Each episode is then recorded by
``load_episode``. Every new record's ``origin`` names the file and the line of the
element it came from. A refusal by the services becomes a ``ChildRefused``, which holds
the child back with the census field, its value and the services' reason.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.services import CaseworkError
from oversight.casework.services.child_details import record_child_details
from oversight.exchange import importing
from oversight.exchange.cin_census.census import (
    CENSUS_SEX,
    UPN_UNKNOWN_NFA,
    UPN_UNKNOWN_NOT_AT_SCHOOL,
)
from oversight.exchange.cin_census.load_checks import Problem
from oversight.exchange.cin_census.load_episode import DIFFERENT, NOT_HELD, EpisodeImport
from oversight.exchange.cin_census.load_file import FiledChild
from oversight.exchange.cin_census.load_stored import Stored
from oversight.exchange.cin_census.rules.upn import school_age_birth_date
from oversight.exchange.cin_census.spec import CensusPeriod
from oversight.exchange.importing import Notes
from oversight.exchange.sex import records_sex

# The census holds no names: an imported child is named so that nobody takes the
# placeholder for a real name.
PLACEHOLDER_FIRST_NAME = "Not known"
PLACEHOLDER_LAST_NAME = "(the CIN census holds no names)"
# The census field behind each field ``register_child`` names when it refuses a child.
CHILD_FIELDS = {
    "la_child_id": "LAchildID", "date_of_birth": "PersonBirthDate", "sex": "Sex",
    "ethnicity": "Ethnicity", "disabilities": "Disability", "upn": "UPN",
    "died_on": "PersonDeathDate", "former_upn": "FormerUPN",
}  # fmt: skip

# A bad UPN or date of death does not hold the child back: it is left out, and noted.
NOT_KEPT = "not kept: the records refuse it (a UPN that fails its check, or a date too early)"


class ChildRefused(Exception):
    """The services would not record an event of the child: the child is held back."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def origin(file: str, line: int | None) -> str:
    """``CIN census <file> line <n>``, the file name shortened to fit the records."""
    return importing.origin("CIN census", file, line)


class ChildImport:
    """One filed child: registered or found, then each episode; counts what it creates."""

    def __init__(
        self,
        filed: FiledChild,
        stored: Stored,
        file: str,
        period: CensusPeriod,
        created: Counter[str],
        notes: Notes,
    ) -> None:
        self.filed, self.stored, self.file, self.period = filed, stored, file, period
        self.created, self.notes = created, notes

    def origin(self, line: int | None) -> str:
        return origin(self.file, line)

    def note(self, name: str, why: str, line: int | None) -> None:
        self.notes.add(name, why, self.filed.la_child_id, line)

    def refused(
        self, error: CaseworkError, name: str, value: object, line: int | None
    ) -> ChildRefused:
        shown = "" if value is None else str(value)
        why = f"the records refuse it: {error.field}: {error.message}"
        return ChildRefused(Problem(self.filed.la_child_id, line, "records", name, shown, why))

    def record(self) -> Child:
        child = self.stored.child(self.filed.la_child_id or "")
        if child is None:
            child = self._register()
        else:
            self._compare(child)
        self._note_identifiers()
        for episode in sorted(self.filed.episodes, key=lambda e: e.row["CINreferralDate"]):
            EpisodeImport(self, child, episode).record()
        return child

    def _register(self) -> Child:
        row = self.filed.row
        try:
            child = self._registered(row)
        except CaseworkError as error:
            name = CHILD_FIELDS.get(error.field, error.field)
            raise self.refused(error, name, row.get(name), self.filed.line) from None
        self._add_details(child)
        self.stored.add_child(child)
        self.created["children"] += 1
        return child

    def _registered(self, row: dict[str, Any]) -> Child:
        return services.register_child(
            la_child_id=row["LAchildID"],
            first_name=PLACEHOLDER_FIRST_NAME,
            last_name=PLACEHOLDER_LAST_NAME,
            sex=records_sex(row["Sex"]),
            date_of_birth=row["PersonBirthDate"],
            expected_date_of_birth=row["ExpectedPersonBirthDate"],
            ethnicity=row["Ethnicity"],
            disabilities=" ".join(self.filed.disability_codes) or "NONE",
            origin=self.origin(self.filed.line),
        )

    def _compare(self, child: Child) -> None:
        row = self.filed.row
        in_file_and_held = {
            "PersonBirthDate": (row["PersonBirthDate"], child.date_of_birth),
            "Sex": (row["Sex"], CENSUS_SEX.get(child.sex, child.sex)),
            "Ethnicity": (row["Ethnicity"], child.ethnicity),
            "Disability": (
                sorted(self.filed.disability_codes or ["NONE"]),
                sorted(child.disabilities.split() or ["NONE"]),
            ),
        }
        for name, (in_file, held) in in_file_and_held.items():
            if in_file != held:
                self.note(name, DIFFERENT, self.filed.line)
        self._add_details(child)

    def _add_details(self, child: Child) -> None:
        """The file's UPN, former UPN and date of death where the records hold none; a
        different one is noted, not written over."""
        row = self.filed.row
        upn, former = (row["UPN"] or "").upper(), (row["FormerUPN"] or "").upper()
        died = row["PersonDeathDate"]
        if upn and child.upn not in ("", upn):
            self.note("UPN", DIFFERENT, self.filed.line)
        if former and child.former_upn not in ("", former):
            self.note("FormerUPN", DIFFERENT, self.filed.line)
        if died is not None and child.died_on not in (None, died):
            self.note("PersonDeathDate", DIFFERENT, self.filed.line)
        self._record_details(
            child, upn=upn if not child.upn else "",
            former_upn=former if not child.former_upn else "",
            died_on=died if child.died_on is None else None,
        )  # fmt: skip

    def _record_details(self, child: Child, **details: Any) -> None:
        """Record what is given; one the records refuse is noted, and the rest recorded."""
        given = {name: value for name, value in details.items() if value}
        while given:
            try:
                record_child_details(child, **given)
                return
            except CaseworkError as error:
                self.note(CHILD_FIELDS.get(error.field, error.field), NOT_KEPT, self.filed.line)
                if given.pop(error.field, None) is None:
                    return

    def _note_identifiers(self) -> None:
        """A reason for no UPN that the records cannot tell again is noted."""
        if self.filed.row.get("UPNunknown") is not None and not self._derived():
            self.note("UPNunknown", NOT_HELD, self.filed.line)

    def _derived(self) -> bool:
        """UN7 (every episode a referral with no further action) follows from the episodes,
        UN1 (not of school age) from the date of birth."""
        reason, born = self.filed.row["UPNunknown"], self.filed.row["PersonBirthDate"]
        every_nfa = all(episode.row["ReferralNFA"] for episode in self.filed.episodes)
        young = born is not None and born > school_age_birth_date(self.period.end)
        return (reason == UPN_UNKNOWN_NFA and every_nfa) or (
            reason == UPN_UNKNOWN_NOT_AT_SCHOOL and young
        )
