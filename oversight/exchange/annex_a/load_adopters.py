"""The prospective adopters of an Annex A workbook (list 11): each household, found by its
family identifier (a row with none is a household of one, named by the adopter's own
identifier), recorded with its people and its steps.

A household new to the records is recorded from its rows: its enquiry, then its steps
and its leaving as they give them. Its rows must agree on what is the household's (its
steps, leaving and fostering for adoption); a row that does not is a problem. A household
already held keeps what the records say: a step the records do not hold yet is recorded,
and a value held differently is noted. Its match, placement and adoption order are the
children's, recorded on their own records (list 10 is not imported), so they are not
read. Annex A gives no names: an adopter is recorded without one.
"""

from __future__ import annotations

from typing import Any

from oversight.casework.models import AdopterHousehold
from oversight.casework.services import (
    AdopterDetails,
    CaseworkError,
    record_adopter_enquiry,
    record_adopter_steps,
    record_adopters_left,
)
from oversight.exchange.annex_a.lists_adopters import STEP_COLUMNS
from oversight.exchange.annex_a.load import Job, RowProblem, about
from oversight.exchange.annex_a.read import ListRow

LIST = 11
# What a household's rows share, by column, and the household's field for each.
HOUSEHOLD = {column: name for column, name in STEP_COLUMNS.items() if column != "left"}
SHARED = (*HOUSEHOLD, "ffa", "left", "left_reason")
COLUMNS = {name: column for column, name in STEP_COLUMNS.items()}  # by the household's field


def load_adopters(job: Job) -> None:
    families: dict[str, list[ListRow]] = {}
    for row in job.reading.rows.get(LIST, []):
        if not job.reading.bad(row):
            families.setdefault(row.get("family_id") or row.get("adopter_id"), []).append(row)
    held = {h.family_id: h for h in AdopterHousehold.objects.filter(family_id__in=families)}
    for family_id, rows in families.items():
        first = rows[0]
        job.one(first, lambda job, row, f=family_id, r=rows: _load(job, f, r, held.get(f)))
        if (first.sheet, first.row) in job.failed:
            for row in rows[1:]:  # the household is recorded whole or not at all
                job.fail(row, "family_id", family_id, "not imported: this adopter's household "
                         f"has a problem, given with row {first.row}")  # fmt: skip
        if job.progress:
            job.progress(len(rows))


def _load(job: Job, family_id: str, rows: list[ListRow], held: AdopterHousehold | None) -> None:
    shared = _shared(rows)
    if held is None:
        household = _record(job, family_id, rows, shared)
        _steps(household, shared, shared["ffa"] == "Y")
        return
    job.counted("adopter household", added=False)
    row = rows[0]
    job.differs(row, "ffa", shared["ffa"], "Y" if held.fostering_for_adoption else "N")
    for column, name in HOUSEHOLD.items():
        job.differs(row, column, shared[column], getattr(held, name))
    job.differs(row, "left", shared["left"], held.left_on)
    # What the records do not hold yet is recorded.
    missing = {c: shared[c] if getattr(held, name) is None else None
               for c, name in HOUSEHOLD.items()}  # fmt: skip
    _steps(held, missing | {"left": shared["left"], "left_reason": shared["left_reason"]}, None)
    people = {a.adopter_id: a for a in held.adopters.all()}
    for row in rows:
        person = people.get(row.get("adopter_id"))
        if person is None:
            raise RowProblem("adopter_id", row.get("adopter_id"), f"household {family_id} is "
                             "held without this adopter: check the family identifier")  # fmt: skip
        job.counted("adopter", added=False)
        for key, value in (("gender", person.sex), ("ethnicity", person.ethnicity),
                           ("disability", "Y" if person.disabled else "N")):  # fmt: skip
            job.differs(row, key, row.get(key), value)


def _shared(rows: list[ListRow]) -> dict[str, Any]:
    """The household's values, which its rows must give alike."""
    first = rows[0]
    for row in rows[1:]:
        for key in SHARED:
            if row.get(key) != first.get(key):
                raise RowProblem(key, row.get(key), f"row {row.row} gives the household "
                                 "(one family identifier) another value: correct one")  # fmt: skip
    return {key: first.get(key) for key in SHARED}


def _record(
    job: Job, family_id: str, rows: list[ListRow], shared: dict[str, Any]
) -> AdopterHousehold:
    people = [
        AdopterDetails(
            adopter_id=row.get("adopter_id"),
            first_name="",
            last_name="",
            sex=row.get("gender") or "",
            ethnicity=row.get("ethnicity") or "",
            disabled=row.get("disability") == "Y",
        )  # fmt: skip
        for row in rows
    ]
    with about("adopter_id", rows[0].get("adopter_id")):
        household = record_adopter_enquiry(
            family_id=family_id, enquiry_on=shared["enquiry"], adopters=people,
            origin=job.origin(rows[0]),
        )  # fmt: skip
    job.counted("adopter household", added=True)
    for _ in rows:
        job.counted("adopter", added=True)
    return household


def _steps(household: AdopterHousehold, given: dict[str, Any], ffa: bool | None) -> None:
    """Record the ``given`` steps (by column; ``None`` for none) and the leaving."""
    steps = {name: given[column] for column, name in HOUSEHOLD.items()
             if column != "enquiry" and given[column] is not None}  # fmt: skip
    try:
        if steps or ffa:
            record_adopter_steps(household, fostering_for_adoption=ffa or None, **steps)
        if given["left"] is not None and household.left_on is None:
            record_adopters_left(household, left_on=given["left"],
                                 reason=given["left_reason"] or "")  # fmt: skip
    except CaseworkError as error:
        column = COLUMNS.get(error.field, "left_reason" if error.field == "reason" else "left")
        raise RowProblem(column, given.get(column), error.message) from error
