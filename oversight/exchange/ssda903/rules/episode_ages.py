"""Rules about the child's age in an episode: when it started, and when and why it ceased.

The age is taken from the header's date of birth, in whole years on the day, so a child is
18 from the 18th birthday itself. Where the DfE's rule says "at least", the birthday passes;
where it says "has reached", the birthday counts as reached.
"""

from collections.abc import Callable

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    age,
    episodes_in_order,
    following,
    is_one_of,
    report,
    with_header,
)


def episodes_with_age(data: Return903, on: str) -> pl.LazyFrame:
    episodes = with_header(data, data.episodes, "DOB")
    return episodes.with_columns(_age=age(pl.col("DOB"), pl.col(on)))


def age_rule(code: str, column: str, values: set[str], on: str,
             wrong: Callable[[pl.Expr], pl.Expr]) -> None:  # fmt: skip
    """Register rule ``code``: an episode whose ``column`` is one of ``values`` is wrong when
    ``wrong(age at on)``."""

    @RULES.rule(code)
    def age_fits_the_episode(data: Return903) -> pl.LazyFrame:
        episodes = episodes_with_age(data, on)
        broken = episodes.filter(is_one_of(column, values) & wrong(pl.col("_age")))
        return report(broken, "DOB", on, column)


def under(years: int) -> Callable[[pl.Expr], pl.Expr]:
    return lambda years_old: years_old < years


def at_least(years: int) -> Callable[[pl.Expr], pl.Expr]:
    return lambda years_old: years_old >= years


# Started to be looked after (S) at 18 or over.
age_rule("352", "RNE", {"S"}, "DECOM", at_least(18))
# Remanded or detained (J1 to J3) under 10: the DfE's condition is DOB + 10 years <= DECOM.
age_rule("358", "LS", {"J1", "J2", "J3"}, "DECOM", under(10))
# Supported accommodation (K3), youth custody (R5), school (S1), residential employment (P3).
age_rule("371", "PLACE", {"K3"}, "DECOM", under(16))
age_rule("372", "PLACE", {"R5"}, "DECOM", under(10))
age_rule("373", "PLACE", {"S1"}, "DECOM", under(4))
age_rule("374", "PLACE", {"P3"}, "DECOM", under(14))
# Ceased as adopted (E11, E12) having reached 18.
age_rule("386", "REC", {"E11", "E12"}, "DEC", at_least(18))
# Ceased into independent living (E5, E6) under 14.
age_rule("387", "REC", {"E5", "E6"}, "DEC", under(14))
# Ceased to adult social care (E7) under 16.
age_rule("389", "REC", {"E7"}, "DEC", under(16))
# Ceased by special guardianship (E45 to E48): the DfE's condition is DEC < DOB + 18 years.
age_rule("407", "REC", {"E45", "E46", "E47", "E48"}, "DEC", at_least(18))
# Stayed with current carers at 18 (E17) under 18.
age_rule("460", "REC", {"E17"}, "DEC", under(18))


@RULES.rule("234")
def no_custody_move_under_10(data: Return903) -> pl.LazyFrame:
    # The reason for a placement change is recorded on the episode that ends; the child's
    # age is taken when the next placement starts (or when this one ceased, if none follows).
    episodes = with_header(data, episodes_in_order(data), "DOB").with_columns(following("DECOM"))
    moved_on = pl.coalesce("next DECOM", "DEC")
    wrong = (pl.col("REASON_PLACE_CHANGE") == "CUSTOD") & (age(pl.col("DOB"), moved_on) < 10)
    return report(episodes.filter(wrong), "DOB", "DEC", "REASON_PLACE_CHANGE")


@RULES.rule("359")
def looked_after_past_18_only_under_section_20_in_a_home(data: Return903) -> pl.LazyFrame:
    # An episode open at the end of the year, after the 18th birthday, must be V2 in K2.
    open_at_end = with_header(data, data.episodes.filter(pl.col("DEC").is_null()), "DOB")
    adult = age(pl.col("DOB"), pl.lit(data.year.end).dt.offset_by("-1d")) >= 18
    allowed = (pl.col("LS") == "V2") & (pl.col("PLACE") == "K2")
    wrong = adult & ~allowed.fill_null(False)
    return report(open_at_end.filter(wrong), "DOB", "LS", "PLACE")


@RULES.rule("302")
def first_episode_starts_after_birth(data: Return903) -> pl.LazyFrame:
    first = episodes_in_order(data).filter(pl.col("_number") == 0)
    first = with_header(data, first, "DOB")
    return report(first.filter(pl.col("DECOM") < pl.col("DOB")), "DOB", "DECOM")
