"""The runner: from an indicator's units to its value, its breakdowns and its children.

Every indicator is computed the same way over a snapshot (``snapshot``): its query
lists units; each unit is placed with a team and worker (its own, or the child's
allocation on the unit's date) and described by the child's age band, sex, ethnic
group and disability on that date; then units are counted, by group if asked. The
list of children behind a figure is the same units, filtered, never a second query.
"""

from dataclasses import dataclass
from typing import Any

import duckdb

from oversight.performance.catalogue import BREAKDOWNS, Base, Indicator, Unit
from oversight.performance.periods import Period

# Helpers indicator queries may use; created on each connection by ``prepare``.
MACROS = (
    # Whole years of age on day d, for a date of birth (NULL when not born or unknown).
    """CREATE OR REPLACE TEMP MACRO age_on(born, d) AS
       CASE WHEN born IS NULL OR born > d THEN NULL
            ELSE year(d) - year(born)
                 - CASE WHEN month(d) * 100 + day(d) < month(born) * 100 + day(born)
                        THEN 1 ELSE 0 END END""",
    # Working days from a to b: b is the n-th working day after a (0 on the same day).
    """CREATE OR REPLACE TEMP MACRO working_days(a, b) AS
       (SELECT ordinal FROM calendar WHERE day = b)
       - (SELECT ordinal FROM calendar WHERE day = a)""",
    # Deadlines of the given rules that fell due in a period, as units: counted when met
    # on time. Left out: those that stopped applying (lapsed) before they fell due, and
    # those due on the period's last day and not yet met (that day is not over).
    """CREATE OR REPLACE TEMP MACRO deadlines_due(rules, period_start, period_end) AS TABLE
       SELECT d.child_id, d.due_on AS at, coalesce(d.met_on <= d.due_on, FALSE) AS counted,
              d.team_id, d.worker_id,
              d.rule || ' due ' || d.due_on
              || CASE WHEN d.met_on IS NULL THEN ', not done' ELSE ', done ' || d.met_on END
              AS event
       FROM deadline d
       WHERE list_contains(rules, d.rule) AND d.due_on BETWEEN period_start AND period_end
         AND NOT (d.met_on IS NULL AND d.lapsed_on IS NOT NULL AND d.lapsed_on <= d.due_on)
         AND (d.met_on IS NOT NULL OR d.due_on < period_end)""",
    # Every placement with the stay it belongs to: a change of legal status only (a new
    # episode with reason L, starting as the last placement ended) leaves the child where
    # they were, so that placement goes on with the one before; ``stay`` numbers a
    # child's stays with carers in order, and ``since`` is when the stay began.
    """CREATE OR REPLACE TEMP MACRO placement_stays() AS TABLE
       WITH placements AS (
           SELECT e.child_id, p.id, p.started_on, p.ended_on, p.placement_type,
                  coalesce(e.reason_new_episode = 'L' AND p.started_on = e.started_on
                           AND lag(p.ended_on) OVER same_child = p.started_on, FALSE) AS goes_on
           FROM placement p JOIN careepisode e ON e.id = p.episode_id
           WINDOW same_child AS (PARTITION BY e.child_id ORDER BY p.started_on, p.id)
       ),
       numbered AS (
           SELECT *, sum(CASE WHEN goes_on THEN 0 ELSE 1 END)
                     OVER (PARTITION BY child_id ORDER BY started_on, id) AS stay
           FROM placements
       )
       SELECT *, min(started_on) OVER (PARTITION BY child_id, stay) AS since FROM numbered""",
    # Children looked after at any time in a period, each with whether they went missing
    # (is_away false) or were away from placement without authorisation (is_away true) at least
    # once in it while looked after.
    """CREATE OR REPLACE TEMP MACRO gone_from_placement(is_away, period_start, period_end) AS TABLE
       WITH in_care AS (
           SELECT child_id, max(coalesce(ended_on, period_end)) AS last_day FROM careepisode
           WHERE started_on <= period_end AND (ended_on IS NULL OR ended_on >= period_start)
           GROUP BY child_id
       )
       SELECT i.child_id, least(i.last_day, period_end::DATE) AS at,
              EXISTS (
                  SELECT 1 FROM missingepisode m JOIN careepisode e
                    ON e.child_id = m.child_id AND m.started_on >= e.started_on
                   AND (e.ended_on IS NULL OR m.started_on <= e.ended_on)
                  WHERE m.child_id = i.child_id AND m.away = is_away
                    AND m.started_on BETWEEN period_start AND period_end
              ) AS counted,
              NULL AS team_id, NULL AS worker_id, 'looked after in the period' AS event
       FROM in_care i""",
    # Care leavers whose birthday at an age from low to high fell in a period, with their
    # status as the DfE collects it: the one recorded nearest the birthday, from 3 months
    # before it to 1 month after. Care leavers: a pathway plan had started by the birthday.
    """CREATE OR REPLACE TEMP MACRO care_leavers(low, high, period_start, period_end) AS TABLE
       WITH birthdays AS (
           SELECT c.id AS child_id, ages.n AS age,
                  CAST(c.date_of_birth + to_years(CAST(ages.n AS INTEGER)) AS DATE) AS birthday
           FROM child c CROSS JOIN range(low, high + 1) ages(n)
           WHERE c.date_of_birth IS NOT NULL
       ),
       leavers AS (
           SELECT b.* FROM birthdays b
           WHERE b.birthday BETWEEN period_start AND period_end
             AND EXISTS (SELECT 1 FROM plan p WHERE p.child_id = b.child_id
                         AND p.kind = 'pathway' AND p.start_on <= b.birthday)
       ),
       nearest AS (
           SELECT l.child_id, l.age, l.birthday, s.recorded_on, s.in_touch,
                  s.accommodation_suitable, s.activity,
                  row_number() OVER (
                      PARTITION BY l.child_id, l.birthday
                      ORDER BY abs(date_diff('day', l.birthday, s.recorded_on)) NULLS LAST,
                               s.recorded_on DESC
                  ) AS nth
           FROM leavers l LEFT JOIN careleaverstatus s
             ON s.child_id = l.child_id
            AND s.recorded_on BETWEEN l.birthday - INTERVAL 3 MONTH
                                  AND l.birthday + INTERVAL 1 MONTH
       )
       SELECT child_id, birthday, age,
              coalesce(in_touch, FALSE) AS in_touch,
              coalesce(accommodation_suitable, FALSE) AS suitable,
              coalesce(activity IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'), FALSE) AS eet,
              'birthday ' || birthday || ' (' || age || '): '
              || coalesce('status of ' || recorded_on, 'no status recorded near it') AS event
       FROM nearest WHERE nth = 1""",
)

AGE_BAND = """CASE
    WHEN age_on(c.date_of_birth, p.at) IS NULL THEN 'Unborn or not known'
    WHEN age_on(c.date_of_birth, p.at) < 1 THEN 'Under 1'
    WHEN age_on(c.date_of_birth, p.at) < 5 THEN '1 to 4'
    WHEN age_on(c.date_of_birth, p.at) < 10 THEN '5 to 9'
    WHEN age_on(c.date_of_birth, p.at) < 16 THEN '10 to 15'
    ELSE '16 and over' END"""

# DfE ethnicity codes to the major groups of the published statistics.
ETHNIC_GROUP = """CASE
    WHEN c.ethnicity IN ('REFU', 'NOBT') OR c.ethnicity = '' THEN 'Refused or not obtained'
    WHEN c.ethnicity LIKE 'W%' THEN 'White'
    WHEN c.ethnicity LIKE 'M%' THEN 'Mixed or multiple ethnic groups'
    WHEN c.ethnicity LIKE 'A%' OR c.ethnicity = 'CHNE' THEN 'Asian or Asian British'
    WHEN c.ethnicity LIKE 'B%' THEN 'Black, African, Caribbean or Black British'
    ELSE 'Other ethnic group' END"""

GROUPS = {
    "team": ("coalesce(CAST(p.team_id AS VARCHAR), '')", "coalesce(t.name, 'No team')"),
    "worker": ("coalesce(CAST(p.worker_id AS VARCHAR), '')", "''"),
    "age": (AGE_BAND, AGE_BAND),
    "sex": ("c.sex", "c.sex"),
    "ethnicity": (ETHNIC_GROUP, ETHNIC_GROUP),
    "disability": (
        "CASE WHEN trim(c.disabilities) IN ('', 'NONE') THEN 'no' ELSE 'yes' END",
        "CASE WHEN trim(c.disabilities) IN ('', 'NONE') THEN 'Not disabled' ELSE 'Disabled' END",
    ),
}
assert set(GROUPS) == set(BREAKDOWNS)

UNITS = """
WITH units AS (
{sql}
),
"""

# Each unit with the team and worker accountable for it: its own, or else the child's
# allocation on the unit's date (the latest allocation that had started by then).
PLACED = """
placed AS (
    SELECT u.child_id, u.at, u.counted, u.event,
           CASE WHEN u.team_id IS NULL THEN a.team_id ELSE u.team_id END AS team_id,
           CASE WHEN u.team_id IS NULL THEN a.worker_id ELSE u.worker_id END AS worker_id
    FROM units u ASOF LEFT JOIN allocation a
      ON u.child_id = a.child_id AND u.at >= a.start_on
),
"""
UNPLACED = """
placed AS (SELECT child_id, "at", counted, event, team_id, worker_id FROM units),
"""

DESCRIBED = """
described AS (
    SELECT p.*, {key} AS grp, {label} AS grp_label FROM placed p {joins}
)
"""
CHILD_JOIN = "JOIN child c ON c.id = p.child_id"
TEAM_JOIN = "LEFT JOIN team t ON t.id = p.team_id"

AGGREGATE = """
SELECT grp, any_value(grp_label), count(*) FILTER (WHERE counted), count(*),
       count(DISTINCT worker_id)
FROM described GROUP BY grp ORDER BY grp
"""

LIST = """
SELECT child_id, "at", counted, event, team_id, worker_id, grp FROM described
WHERE $group IS NULL OR grp = $group ORDER BY "at", child_id, worker_id
"""


class UnknownBreakdown(ValueError):
    def __init__(self, by: str) -> None:
        super().__init__(f"No breakdown {by!r}: choose one of {', '.join(BREAKDOWNS)}.")


@dataclass(frozen=True)
class Value:
    """An indicator's figure for the whole LA (``group`` empty) or for one group."""

    indicator: str
    group: str
    label: str
    numerator: int
    denominator: int | None
    value: float | None


def prepare(db: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    for macro in MACROS:
        db.execute(macro)
    return db


def _described(indicator: Indicator, by: str | None, *, listing: bool = False) -> str:
    """The query of the indicator's units, placed and described as ``by`` needs them.

    A total needs neither the allocation nor the child: leaving them out keeps the
    suite's totals close to a hand-written aggregate. Lists always show the team.
    """
    if by is not None and by not in indicator.breakdowns:
        raise UnknownBreakdown(by)
    key, label = GROUPS[by] if by else ("''", "'All'")
    # Workers are units with their own team, or none: no child's allocation places them.
    placed = (listing or by in ("team", "worker")) and indicator.counts_children
    joins = [CHILD_JOIN] if by in ("age", "sex", "ethnicity", "disability") else []
    joins += [TEAM_JOIN] if by == "team" else []
    return (
        UNITS.format(sql=indicator.sql)
        + (PLACED if placed else UNPLACED)
        + DESCRIBED.format(key=key, label=label, joins=" ".join(joins))
    )


def _parameters(sql: str, period: Period) -> dict[str, Any]:
    """The period's dates, for the parameters the query uses (DuckDB rejects others)."""
    given = {"start": period.start, "end": period.end}
    return {name: value for name, value in given.items() if f"${name}" in sql}


def compute(
    db: duckdb.DuckDBPyConnection,
    indicator: Indicator,
    period: Period,
    *,
    by: str | None = None,
    population: int | None = None,
) -> list[Value]:
    """The indicator over ``period``: one value, or one per group when ``by`` is given.

    ``population`` (children aged 0-17 in the LA) is needed for rates per 10,000.
    """
    sql = _described(indicator, by) + AGGREGATE
    rows = db.execute(sql, _parameters(sql, period)).fetchall()
    if by is None and not rows:
        rows = [("", "All", 0, 0, 0)]
    return [_value(indicator, row, population) for row in rows]


def _value(indicator: Indicator, row: tuple[Any, ...], population: int | None) -> Value:
    group, label, counted, units, workers = row
    if indicator.unit is Unit.PERCENT:
        base = units - counted if indicator.base is Base.UNCOUNTED else units
        numerator, denominator = counted, base
        value = 100 * counted / base if base else None
    elif indicator.unit is Unit.RATE:
        numerator, denominator = units, population
        value = 10_000 * units / population if population else None
    elif indicator.unit is Unit.AVERAGE:
        numerator, denominator = units, workers
        value = units / workers if workers else None
    else:
        numerator, denominator, value = units, None, float(units)
    return Value(indicator.id, group, label, numerator, denominator, value)


@dataclass(frozen=True)
class UnitRow:
    """One unit behind a figure: which child (or, for the workforce, which worker), what it
    was, and whether it counted."""

    child_id: int | None
    at: Any
    counted: bool
    event: str
    team_id: int | None
    worker_id: int | None
    group: str


def units(
    db: duckdb.DuckDBPyConnection,
    indicator: Indicator,
    period: Period,
    *,
    by: str | None = None,
    group: str | None = None,
) -> list[UnitRow]:
    """The units behind the indicator (or behind one group of a breakdown), by date."""
    sql = _described(indicator, by, listing=True) + LIST
    rows = db.execute(sql, {**_parameters(sql, period), "group": group}).fetchall()
    return [UnitRow(*row) for row in rows]
