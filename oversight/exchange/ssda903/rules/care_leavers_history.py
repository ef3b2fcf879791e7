"""Rules about whether a young person with care leaver information is a care leaver at all,
judged from the episodes: of this year, and of last year where the rule needs them.

The DfE judges from the child's whole history; a return holds this year's episodes and,
given with ``--previous``, last year's. Care since the 16th birthday of a young person of
20 or 21 lies before last year's return, so the rules that look for earlier care (1001,
1002) are checked only for young people under 20 at 31 March, where the two returns can
show it.
"""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES, compares_with_last_year
from oversight.exchange.ssda903.rules.cohorts import (
    LEAVER_ITEMS,
    age_on,
    birthday,
    care_leavers,
    ids,
    last_episodes,
    last_episodes_of,
)
from oversight.exchange.ssda903.rules.common import report, with_header
from oversight.exchange.ssda903.spec import ID

EPISODE_COLUMNS = (ID, "line", "DECOM", "DEC", "LS", "REC")
THIRTEEN_WEEKS = 91  # days


def leavers_report(leavers: pl.LazyFrame, *fields: str | pl.Expr) -> pl.LazyFrame:
    return report(leavers, "DOB", *fields, *LEAVER_ITEMS)


@RULES.rule("1000")
def care_leaver_who_died_in_care(data: Return903) -> pl.LazyFrame:
    # Last year's episodes too, when last year's return is given.
    returns = [data] if data.previous is None else [data, data.previous]
    episodes = [r.episodes for r in returns if "episodes" in r.tables]
    died = pl.concat([ids(e.filter(pl.col("REC") == "E2")) for e in episodes]).unique()
    return leavers_report(care_leavers(data).join(died, on=ID, how="semi"))


@RULES.rule("1011")
def care_leaver_whose_care_was_transferred(data: Return903) -> pl.LazyFrame:
    transferred = last_episodes_of(data).filter(pl.col("REC") == "E3")
    return leavers_report(care_leavers(data).join(ids(transferred), on=ID, how="semi"))


def aged_17_or_18(data: Return903) -> pl.Expr:
    # The DfE's condition is DOB + 17 years <= 31 March < DOB + 19 years.
    return age_on(data.year.end).is_in([17, 18])


@RULES.rule("1007")
def care_leaver_still_looked_after_at_17_or_18(data: Return903) -> pl.LazyFrame:
    # Still looked after: the last episode has no date or no reason it ceased.
    last = last_episodes_of(data)
    still = last.filter(pl.col("DEC").is_null() | pl.col("REC").is_null())
    leavers = care_leavers(data).filter(aged_17_or_18(data).fill_null(False))
    return leavers_report(leavers.join(ids(still), on=ID, how="semi"))


@RULES.rule("1016")
def care_leaver_who_ceased_after_the_birthday(data: Return903) -> pl.LazyFrame:
    # The birthday is the one in the year (the 17th, or the 18th), and "after" is after it:
    # ceasing on the birthday itself, as at 18, leaves a care leaver.
    years = age_on(data.year.end)
    in_the_year = pl.when(years == 17).then(birthday(17)).when(years == 18).then(birthday(18))
    last = last_episodes_of(data).select(ID, "DEC")
    leavers = care_leavers(data).join(last, on=ID, how="inner")
    wrong = (pl.col("DEC") > in_the_year).fill_null(False)
    return leavers_report(leavers.filter(wrong), "DEC")


@compares_with_last_year("1010")
def care_leaver_with_no_episode_after_last_years_open_one(data: Return903) -> pl.LazyFrame:
    still_open = last_episodes(data.last_year().episodes).filter(pl.col("DEC").is_null())
    leavers = care_leavers(data).join(ids(still_open), on=ID, how="semi")
    return leavers_report(leavers.join(ids(data.episodes), on=ID, how="anti"))


def under_20(data: Return903) -> pl.LazyFrame:
    """The care leavers under 20 at 31 March (see the module's note)."""
    return care_leavers(data).filter((age_on(data.year.end) < 20).fill_null(False))


@compares_with_last_year("1002")
def care_leaver_with_no_episodes(data: Return903) -> pl.LazyFrame:
    leavers = under_20(data).join(ids(data.episodes), on=ID, how="anti")
    return leavers_report(leavers.join(ids(data.last_year().episodes), on=ID, how="anti"))


def relevant_children(data: Return903) -> pl.LazyFrame:
    """The children looked after for at least 13 weeks since their 14th birthday, some of
    it after their 16th, and not adopted, in this year's and last year's episodes.

    Respite care (V3, V4) does not count. An episode still open counts to 31 March; one in
    both returns is taken from this year's."""
    columns = list(EPISODE_COLUMNS)
    episodes = pl.concat([data.episodes.select(columns), data.last_year().episodes.select(columns)])
    episodes = episodes.filter(pl.col("DECOM").is_not_null())
    episodes = episodes.unique([ID, "DECOM"], keep="first", maintain_order=True)
    adopted = last_episodes(episodes).filter(pl.col("REC").is_in(["E11", "E12"]))
    care = episodes.filter(~pl.col("LS").is_in(sorted(codes.RESPITE)).fill_null(False))
    care = with_header(data, care, "DOB")
    until = pl.coalesce("DEC", pl.lit(data.year.end, pl.Date))

    def days_since(day: pl.Expr) -> pl.Expr:
        return (until - pl.max_horizontal("DECOM", day)).dt.total_days().clip(lower_bound=0)

    per_child = care.group_by(ID).agg(
        _since_14=days_since(birthday(14)).sum(), _since_16=days_since(birthday(16)).sum()
    )
    relevant = (pl.col("_since_14") >= THIRTEEN_WEEKS) & (pl.col("_since_16") >= 1)
    return per_child.filter(relevant).select(ID).join(ids(adopted), on=ID, how="anti")


@compares_with_last_year("1001")
def care_leaver_who_was_not_a_relevant_child(data: Return903) -> pl.LazyFrame:
    leavers = under_20(data).join(relevant_children(data), on=ID, how="anti")
    return leavers_report(leavers)
