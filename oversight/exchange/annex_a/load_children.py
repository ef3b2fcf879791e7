"""The children of an Annex A workbook: matched by LA child id, or registered.

A child is registered from the first row that names them, with facts from every row
(sex, ethnicity and date of birth agree, or the reader said so; disability comes from
lists 4-9 and UASC from list 8). Annex A gives no names, so a child is registered
without one. It says only whether a child is disabled: a disabled child is registered
with the DfE's "other" disability (DDA). A date of birth after the workbook's date is
an expected date of birth. A child already held keeps what the records say, and a sex,
ethnicity or date of birth the rows give otherwise is noted.

Matching by the LA child id (unique) is the import's own look-up: it shows no child to
anyone, so it does not go through the need-to-know helpers in ``casework.access``.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from oversight.casework.models import Child
from oversight.casework.services import register_child
from oversight.exchange.annex_a.load import Job, RowProblem, about
from oversight.exchange.annex_a.read import ListRow
from oversight.exchange.annex_a.spec import LISTS

FACTS = ("gender", "ethnicity", "date_of_birth", "disability", "uasc")
OTHER_DISABILITY = "DDA"
CHUNK = 500  # ids looked up at a time (SQLite limits a query's parameters)


def load_children(job: Job) -> None:
    firsts, facts = _children_of(job)
    ids = list(firsts)
    for start in range(0, len(ids), CHUNK):
        for child in Child.objects.filter(la_child_id__in=ids[start : start + CHUNK]):
            job.children[child.la_child_id] = child
            job.counted("child", added=False)
            _compare(job, firsts[child.la_child_id], facts[child.la_child_id], child)
    for child_id, row in firsts.items():
        if child_id not in job.children:
            known = facts[child_id]
            child = job.one(row, lambda job, row, known=known: _register(job, row, known))
            if child is not None:
                job.children[child_id] = child


def _children_of(job: Job) -> tuple[dict[str, ListRow], dict[str, dict[str, Any]]]:
    """Each child's first good row, and their facts gathered from all good rows."""
    firsts: dict[str, ListRow] = {}
    facts: dict[str, dict[str, Any]] = {}
    for annex in (a for a in LISTS if a.imported):
        for row in job.reading.rows.get(annex.number, []):
            child_id = row.get("child_id")
            if child_id is None or job.reading.bad(row):
                continue
            firsts.setdefault(child_id, row)
            known = facts.setdefault(child_id, {})
            for key in FACTS:
                if row.get(key) is not None:
                    known.setdefault(key, row.get(key))
    return firsts, facts


def _compare(job: Job, row: ListRow, facts: dict[str, Any], child: Child) -> None:
    """What the rows say of a child held that the records hold differently is noted."""
    held = {"gender": child.sex, "ethnicity": child.ethnicity,
            "date_of_birth": child.date_of_birth or child.expected_date_of_birth}  # fmt: skip
    for key, value in held.items():
        job.differs(row, key, facts.get(key), value)


def _register(job: Job, row: ListRow, facts: dict[str, Any]) -> Child:
    born = facts.get("date_of_birth")
    if born is None:
        raise RowProblem("child_id", row.get("child_id"), "the child is new to the records and "
                         "no row gives their date of birth: give it")  # fmt: skip
    unborn = born > (job.as_at or timezone.localdate())
    with about("child_id", row.get("child_id")):
        child = register_child(
            la_child_id=row.get("child_id"), first_name="", last_name="",
            sex=facts.get("gender", ""), ethnicity=facts.get("ethnicity", ""),
            date_of_birth=None if unborn else born,
            expected_date_of_birth=born if unborn else None,
            disabilities=OTHER_DISABILITY if facts.get("disability") == "Y" else "NONE",
            uasc=facts.get("uasc") == "Y", origin=job.origin(row),
        )  # fmt: skip
    job.counted("child", added=True)
    return child
