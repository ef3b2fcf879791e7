"""What every list's rows share: the inspection date, whose children, and the child columns.

Each list's builder (``lists_*``) queries its own records with the child's fields alongside
(``child_fields``), so the children come with the records that put them on the list and
no child is fetched on their own. The children a user may see come from
``casework.access``; a command run for the whole LA passes no scope.

Builders give codes (DfE codes, Y/N); the writer turns them into Ofsted's labels. A
fact dated after the inspection date is not yet known on it, so it is left out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet

from oversight.casework.models import Allocation, Child
from oversight.exchange.annex_a.windows import Window

Row = dict[str, Any]

CHILD_FIELDS = ("la_child_id", "sex", "ethnicity", "date_of_birth", "expected_date_of_birth",
                "disabilities", "uasc")  # fmt: skip


@dataclass
class Context:
    """One export: the inspection date and, when a user asked, the children they may see."""

    as_at: date
    scope: QuerySet[Child] | None = None
    # Whether prospective adopters (list 11) are listed: by default, in an export for the
    # whole LA; one made for a user, when that user may see them.
    adopters: bool | None = None
    _allocations: dict[int, tuple[str, str]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.adopters is None:
            self.adopters = self.scope is None

    def window(self, months: int = 6) -> Window:
        return Window.months_to(self.as_at, months)

    def scoped(self, records: QuerySet[Any], path: str = "child") -> QuerySet[Any]:
        return records if self.scope is None else records.filter(**{f"{path}__in": self.scope})

    def known(self, day: date | None) -> date | None:
        """The day, if it is not after the inspection date."""
        return day if day is not None and day <= self.as_at else None

    def allocation(self, child_id: int) -> tuple[str, str]:
        """(team, worker) holding the child on the date, or who last held the child."""
        if self._allocations is None:
            self._allocations = self._load_allocations()
        return self._allocations.get(child_id, ("", ""))

    def _load_allocations(self) -> dict[int, tuple[str, str]]:
        found: dict[int, tuple[str, str]] = {}
        rows = (
            Allocation.objects.filter(start_on__lte=self.as_at)
            .order_by("child_id", "-start_on", "-id")
            .values_list("child_id", "team__name", "worker__first_name", "worker__last_name",
                         "worker__username")
        )  # fmt: skip
        for child_id, team, first, last, username in rows.iterator(chunk_size=5000):
            if child_id not in found:
                found[child_id] = (team, f"{first} {last}".strip() or (username or ""))
        return found


def child_fields(path: str = "child") -> tuple[str, ...]:
    """The child's id and fields, as ``values()`` names them from a record."""
    return (f"{path}_id", *(f"{path}__{name}" for name in CHILD_FIELDS))


def child_row(values: dict[str, Any], context: Context, path: str = "child") -> Row:
    """The child columns of a row, from a record's ``values()``."""
    child = {name: values[f"{path}__{name}"] for name in CHILD_FIELDS}
    child_id = values[f"{path}_id"]
    born = child["date_of_birth"] or child["expected_date_of_birth"]
    team, worker = context.allocation(child_id)
    return {
        "child": child_id,
        "child_id": child["la_child_id"],
        "gender": child["sex"],
        "ethnicity": child["ethnicity"],
        "date_of_birth": born,
        "age": age_on(child["date_of_birth"], context.as_at),
        "disability": "N" if child["disabilities"].strip() in ("", "NONE") else "Y",
        "uasc": "Y" if child["uasc"] else "N",
        "team": team,
        "worker": worker,
    }


def age_on(born: date | None, day: date) -> int:
    """Whole years on ``day``; -1 for a child not yet born (Ofsted's convention)."""
    if born is None or born > day:
        return -1
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def yes_no(value: bool | None) -> str | None:
    return None if value is None else ("Y" if value else "N")


def by_child(pairs: Iterable[tuple[int, Any]]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for child_id, value in pairs:
        grouped.setdefault(child_id, []).append(value)
    return grouped


def latest(days: Iterable[date | None], first: date | None, last: date) -> date | None:
    """The latest of ``days`` from ``first`` (any, if None) to ``last``."""
    inside = [d for d in days if d is not None and d <= last and (first is None or d >= first)]
    return max(inside, default=None)


def in_year_to(sorted_days: list[date], day: date) -> int:
    """How many of ``sorted_days`` fall in the twelve months to ``day``, it included."""
    year = Window.months_to(day, 12)
    return bisect_right(sorted_days, year.last) - bisect_left(sorted_days, year.first)
