"""The indicator catalogue: one SQL file per indicator, its definition in its header.

Each file in ``indicators/`` starts with ``-- key: value`` lines (a value may go on over
indented ``--`` lines) and then the query. The query lists the *units* the indicator
counts (referrals, plans, visits, children), one row each, for the period from
``$start`` to ``$end``, with these columns:

``child_id``   the child the unit belongs to (the list behind the number); NULL when the
               units are workers (``-- units: workers``);
``at``         the date that places the unit: the team and age band are taken on it;
``counted``    true when the unit is in the numerator (always true for counts and rates);
``team_id``, ``worker_id``  who is accountable, or NULL to take the child's allocation on ``at``;
``event``      a few words saying what the unit is, shown in the list of children.

Two header keys are optional besides ``headline`` and ``breakdowns``:

``units``      ``children`` (the default) or ``workers``: an indicator of the workforce counts
               workers, each row giving its ``worker_id`` and ``team_id``; it breaks down
               by team only, and the list behind it is of workers, not children;
``base``       for a percentage, ``all`` units (the default) or the ``uncounted`` ones: the
               denominator of a percentage whose numerator is not part of it, such as
               leavers over those in post (turnover).

The runner (``engine``) turns units into values, breakdowns and lists, the same way for
every indicator, so that a figure and the children behind it can never disagree.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).with_name("indicators")

BREAKDOWNS = ("team", "worker", "age", "sex", "ethnicity", "disability")
THEMES = (
    "Front door",
    "Assessment",
    "Child protection",
    "Children in need",
    "Practice",
    "Children in care",
    "Care leavers",
    "Workforce",
)


class Unit(StrEnum):
    PERCENT = "percent"  # numerator / denominator x 100
    RATE = "rate"  # units per 10,000 children aged 0-17 in the LA
    COUNT = "count"  # units
    AVERAGE = "average"  # units per worker (caseloads)


class Polarity(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"
    NEUTRAL = "neutral"  # context, neither better nor worse


class PeriodKind(StrEnum):
    PERIOD = "period"  # what happened in the period
    AS_AT = "as at"  # what stood on the last day of the period


class Units(StrEnum):
    CHILDREN = "children"
    WORKERS = "workers"


class Base(StrEnum):
    ALL = "all"  # the denominator is every unit
    UNCOUNTED = "uncounted"  # the denominator is the units not in the numerator


# What an indicator of workers may be broken down by: its workers have no age or sex here.
WORKER_BREAKDOWNS = ("team",)


class CatalogueError(ValueError):
    """An indicator file that does not follow the catalogue's format."""


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    theme: str
    definition: str
    source: str
    unit: Unit
    polarity: Polarity
    numerator: str
    denominator: str
    period: PeriodKind
    sql: str
    headline: bool = False
    breakdowns: tuple[str, ...] = BREAKDOWNS
    units: Units = Units.CHILDREN
    base: Base = Base.ALL

    @property
    def counts_children(self) -> bool:
        return self.units is Units.CHILDREN


REQUIRED = (
    "id", "title", "theme", "definition", "source", "unit", "polarity", "numerator",
    "denominator", "period",
)  # fmt: skip
OPTIONAL = ("headline", "breakdowns", "units", "base")
HEADER_LINE = re.compile(r"^--\s?(?P<key>[a-z]+):\s*(?P<value>.*)$")


def parse(text: str, name: str) -> Indicator:
    """An indicator from the text of its file; ``name`` is the file name, for errors."""
    fields, key, lines = {}, None, text.splitlines()
    body_from = len(lines)
    for number, line in enumerate(lines):
        match = HEADER_LINE.match(line)
        if match:
            key = match["key"]
            if key not in REQUIRED + OPTIONAL:
                raise CatalogueError(f"{name}, line {number + 1}: unknown key {key!r}.")
            fields[key] = match["value"].strip()
        elif line.startswith("--   ") and key:
            fields[key] += " " + line[2:].strip()
        elif line.strip() in ("", "--"):
            continue
        else:
            body_from = number
            break
    missing = [k for k in REQUIRED if not fields.get(k)]
    if missing:
        raise CatalogueError(f"{name}: the header lacks {', '.join(missing)}.")
    if f"{fields['id']}.sql" != name:
        raise CatalogueError(f"{name}: the id {fields['id']!r} must match the file name.")
    if fields["theme"] not in THEMES:
        raise CatalogueError(f"{name}: theme {fields['theme']!r} is not one of {THEMES}.")
    try:
        units, base = Units(fields.get("units", "children")), Base(fields.get("base", "all"))
    except ValueError as error:
        raise CatalogueError(f"{name}: {error}") from error
    every = BREAKDOWNS if units is Units.CHILDREN else WORKER_BREAKDOWNS
    breakdowns = tuple(fields.get("breakdowns", " ".join(every)).split())
    if unknown := set(breakdowns) - set(BREAKDOWNS):
        raise CatalogueError(f"{name}: unknown breakdowns {sorted(unknown)}.")
    if units is Units.WORKERS and (wrong := set(breakdowns) - set(WORKER_BREAKDOWNS)):
        raise CatalogueError(f"{name}: workers cannot be broken down by {sorted(wrong)}.")
    if base is Base.UNCOUNTED and fields["unit"] != Unit.PERCENT:
        raise CatalogueError(f"{name}: only a percentage has a base of uncounted units.")
    try:
        return Indicator(
            id=fields["id"], title=fields["title"], theme=fields["theme"],
            definition=fields["definition"], source=fields["source"],
            unit=Unit(fields["unit"]), polarity=Polarity(fields["polarity"]),
            numerator=fields["numerator"], denominator=fields["denominator"],
            period=PeriodKind(fields["period"]), sql="\n".join(lines[body_from:]).strip(),
            headline=fields.get("headline", "no") == "yes", breakdowns=breakdowns,
            units=units, base=base,
        )  # fmt: skip
    except ValueError as error:
        raise CatalogueError(f"{name}: {error}") from error


@cache
def catalogue() -> dict[str, Indicator]:
    """Every indicator, by id, in theme order then file order within a theme."""
    found = [parse(p.read_text(), p.name) for p in sorted(FOLDER.glob("*.sql"))]
    found.sort(key=lambda i: THEMES.index(i.theme))
    return {i.id: i for i in found}


class UnknownIndicator(KeyError):
    def __str__(self) -> str:
        return f"No indicator {self.args[0]!r}: `oversight indicators --list` names them all."


def indicator(id: str) -> Indicator:
    try:
        return catalogue()[id]
    except KeyError:
        raise UnknownIndicator(id) from None
