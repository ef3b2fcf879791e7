"""Who the OC2 and OC3 files are for: children looked after for 12 months, and care leavers.

OC2 is for children looked after continuously for at least 12 months at 31 March. The DfE
derives this from the episodes: a child looked after during the year is so unless an episode
shows a break, that is, one that

- starts a period of care (``RNE`` S) after 1 April,
- ends one (``REC`` other than X1, or blank) on or after 1 April, or
- is respite care (``LS`` V3 or V4) during the year.

A child who starts on 1 April itself has a year by 31 March; one who ceases on 31 March was
not looked after at 31 March, so has not.

OC3 is for care leavers. Their information is "completed" when any of ``IN_TOUCH``,
``ACTIV`` and ``ACCOM`` is given. Ages are taken from the header's date of birth, in whole
years on the day (``common.age``).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.common import (
    age,
    episodes_in_order,
    in_order,
    per_return,
    with_header,
)
from oversight.exchange.ssda903.spec import ID

# The data items about children looked after for 12 months, and the four every child of
# the cohort must have.
TWELVE_MONTH_ITEMS = (
    "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
)  # fmt: skip
HEALTH_ITEMS = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
ADOPTION_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
LEAVER_ITEMS = ("IN_TOUCH", "ACTIV", "ACCOM")


def any_given(columns: Iterable[str]) -> pl.Expr:
    return pl.any_horizontal(pl.col(c).is_not_null() for c in columns)


def any_blank(columns: Iterable[str]) -> pl.Expr:
    return pl.any_horizontal(pl.col(c).is_null() for c in columns)


def ids(frame: pl.LazyFrame) -> pl.LazyFrame:
    """The children of ``frame``, each once."""
    return frame.filter(pl.col(ID).is_not_null()).select(ID).unique()


@per_return
def episodes_in_the_year(data: Return903) -> pl.LazyFrame:
    """This year's episodes that were open at some time during the year."""
    start, end = data.year.start, data.year.end
    during = (pl.col("DECOM") <= end) & (pl.col("DEC").is_null() | (pl.col("DEC") >= start))
    return data.episodes.filter(during.fill_null(False))


@per_return
def looked_after_this_year(data: Return903) -> pl.LazyFrame:
    return ids(episodes_in_the_year(data))


@per_return
def continuously_looked_after(data: Return903) -> pl.LazyFrame:
    """The children looked after continuously for at least 12 months at 31 March."""
    start, end = data.year.start, data.year.end
    started = (pl.col("RNE") == "S") & (pl.col("DECOM") > start)
    ceased = pl.col("DEC").is_not_null() & (pl.col("DEC") <= end) & pl.col("REC").ne_missing("X1")
    respite = pl.col("LS").is_in(sorted(codes.RESPITE))
    breaks = (started | ceased | respite).fill_null(False)
    episodes = episodes_in_the_year(data).filter(pl.col(ID).is_not_null())
    per_child = episodes.group_by(ID).agg(_broken=breaks.any())
    return per_child.filter(~pl.col("_broken")).select(ID)


def flagged(frame: pl.LazyFrame, children: pl.LazyFrame, flag: str) -> pl.LazyFrame:
    """``frame`` with a column ``flag``: whether the row's child is one of ``children``."""
    marked = children.select(ID, pl.lit(True).alias(flag))
    return frame.join(marked, on=ID, how="left").with_columns(pl.col(flag).fill_null(False))


def with_dob(data: Return903, frame: pl.LazyFrame) -> pl.LazyFrame:
    """``frame`` with the header's date of birth in place of its own."""
    return with_header(data, frame.drop("DOB", strict=False), "DOB")


def age_on(day: object) -> pl.Expr:
    """The child's age on ``day`` (a date), from the column ``DOB``."""
    return age(pl.col("DOB"), pl.lit(day, pl.Date))


def turns_during(years: int, data: Return903) -> pl.Expr:
    """The child's ``years``th birthday falls in the collection year (1 April to 31 March)."""
    before = pl.lit(data.year.start, pl.Date).dt.offset_by("-1d")
    return (age(pl.col("DOB"), before) < years) & (age_on(data.year.end) >= years)


def birthday(years: int) -> pl.Expr:
    """The date of the ``years``th birthday; born on 29 February, 1 March in other years
    (as ``common.age`` counts it)."""
    day = pl.col("DOB").dt.offset_by(f"{years}y")
    leapling = (pl.col("DOB").dt.month() == 2) & (pl.col("DOB").dt.day() == 29)
    moved = leapling & (day.dt.day() == 28)
    return pl.when(moved).then(day.dt.offset_by("1d")).otherwise(day)


@per_return
def oc2_rows(data: Return903) -> pl.LazyFrame:
    """The OC2 rows, each with the header's DOB and ``_cla`` (looked after for 12 months).

    An SDQ score that is not a whole number is still a score that was given: it is kept
    here as written (``SDQ_SCORE`` is text), so that only a blank counts as no score. Rule
    180 reports the unreadable value itself."""
    unread = data.unreadable.filter((pl.col("table") == "oc2") & (pl.col("field") == "SDQ_SCORE"))
    unread = unread.select("file", "line", pl.col("value").alias("_written"))
    oc2 = data.oc2.join(unread, on=["file", "line"], how="left")
    oc2 = oc2.with_columns(pl.coalesce(pl.col("SDQ_SCORE").cast(pl.String), "_written"))
    return flagged(with_dob(data, oc2), continuously_looked_after(data), "_cla")


@per_return
def care_leavers(data: Return903) -> pl.LazyFrame:
    """The OC3 rows whose care leaver information is completed, with the header's DOB."""
    return with_dob(data, data.oc3.filter(any_given(LEAVER_ITEMS)))


@per_return
def last_episodes_of(data: Return903) -> pl.LazyFrame:
    """Each child's last episode in this year's return."""
    return episodes_in_order(data).filter(pl.col("_last"))


def last_episodes(episodes: pl.LazyFrame) -> pl.LazyFrame:
    """Each child's last episode (by start date)."""
    return in_order(episodes).filter(pl.col("_last"))
