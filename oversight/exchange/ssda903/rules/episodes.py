"""Rules about each episode on its own: its codes, its dates, its placement provider and URN."""

from datetime import date

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import (
    code_rule,
    date_rule,
    given,
    is_one_of,
    not_one_of,
    report,
)

date_rule("141", "episodes", "DECOM", required=True)
code_rule("143", "episodes", "RNE", codes.REASON_NEW_EPISODE, required=True)
code_rule("144", "episodes", "LS", codes.LEGAL_STATUS, required=True)
code_rule("145", "episodes", "CIN", codes.CATEGORY_OF_NEED, required=True)
code_rule("146", "episodes", "PLACE", codes.PLACEMENT, required=True)
date_rule("147", "episodes", "DEC", required=False)
code_rule("149", "episodes", "REC", codes.REASON_EPISODE_CEASED, required=False)
code_rule("1009", "episodes", "REASON_PLACE_CHANGE", codes.REASON_PLACE_CHANGE, required=False)

# The first day a legal status or code could be used, as the DfE's rules give them.
FIRST_EPISODE_DAY = date(1991, 10, 14)
E1_FIRST_DAY = date(2005, 12, 1)
KEEPS_NO_URN = "XXXXXXX"  # the DfE's placeholder for a URN not known


@RULES.rule("148")
def ceased_date_and_reason_together(data: Return903) -> pl.LazyFrame:
    # An unreadable date is not a blank: it was given (147 reports that it is unreadable).
    wrong = given(data, "episodes", "DEC") != pl.col("REC").is_not_null()
    return report(data.episodes.filter(wrong), "DEC", "REC")


@RULES.rule("178")
def placement_provider_is_valid_and_wanted(data: Return903) -> pl.LazyFrame:
    # 2025/26: a provider must be a valid code, and is not given for T0 to T3 or Z11 to Z14.
    not_wanted = (
        is_one_of("PLACE", codes.NO_PROVIDER - {"T4"}) & pl.col("PLACE_PROVIDER").is_not_null()
    )
    wrong = not_one_of("PLACE_PROVIDER", codes.PLACEMENT_PROVIDER) | not_wanted
    return report(data.episodes.filter(wrong), "PLACE", "PLACE_PROVIDER")


@RULES.rule("213")
def no_provider_for_temporary_or_other_placements(data: Return903) -> pl.LazyFrame:
    wrong = is_one_of("PLACE", codes.NO_PROVIDER) & pl.col("PLACE_PROVIDER").is_not_null()
    return report(data.episodes.filter(wrong), "PLACE", "PLACE_PROVIDER")


@RULES.rule("526")
def provider_given_for_a_placement_that_has_one(data: Return903) -> pl.LazyFrame:
    wrong = (
        pl.col("PLACE").is_not_null()
        & ~is_one_of("PLACE", codes.NO_PROVIDER)
        & pl.col("PLACE_PROVIDER").is_null()
    )
    return report(data.episodes.filter(wrong), "PLACE", "PLACE_PROVIDER")


def provider_cannot_provide(code: str, provider: str, placements: set[str]) -> None:
    @RULES.rule(code)
    def provider_and_placement_agree(data: Return903) -> pl.LazyFrame:
        wrong = (pl.col("PLACE_PROVIDER") == provider) & is_one_of("PLACE", placements)
        return report(data.episodes.filter(wrong), "PLACE", "PLACE_PROVIDER")


FOSTER_AND_ADOPTION = {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}
provider_cannot_provide("527", "PR1", {"P1", "R2", "R5"})
provider_cannot_provide("528", "PR2", {"P1", "R2", "R5"})
provider_cannot_provide("529", "PR3", {"P1", "K1", "K2"} | FOSTER_AND_ADOPTION)
provider_cannot_provide("530", "PR4", {"P1"})
provider_cannot_provide("531", "PR5", {"P1"})


@RULES.rule("550")
def own_provision_only_with_parents(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("PLACE_PROVIDER") == "PR0") & (pl.col("PLACE") != "P1")
    return report(data.episodes.filter(wrong), "PLACE", "PLACE_PROVIDER")


@RULES.rule("222")
def no_urn_for_placements_without_one(data: Return903) -> pl.LazyFrame:
    # The placements without a URN are those of 2025/26 (Z11 to Z14 in place of Z1).
    wrong = (
        is_one_of("PLACE", codes.NO_URN)
        & pl.col("URN").is_not_null()
        & (pl.col("URN") != KEEPS_NO_URN)
    )
    return report(data.episodes.filter(wrong), "PLACE", "URN")


@RULES.rule("233")
def no_reason_for_change_while_the_episode_is_open(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("DEC").is_null() & pl.col("REASON_PLACE_CHANGE").is_not_null()
    return report(data.episodes.filter(wrong), "DEC", "REASON_PLACE_CHANGE")


@RULES.rule("353")
def started_on_or_after_14_october_1991(data: Return903) -> pl.LazyFrame:
    return report(data.episodes.filter(pl.col("DECOM") < FIRST_EPISODE_DAY), "DECOM")


@RULES.rule("354")
def started_by_the_end_of_the_year(data: Return903) -> pl.LazyFrame:
    return report(data.episodes.filter(pl.col("DECOM") > data.year.end), "DECOM")


@RULES.rule("385")
def ceased_by_the_end_of_the_year(data: Return903) -> pl.LazyFrame:
    return report(data.episodes.filter(pl.col("DEC") > data.year.end), "DEC")


@RULES.rule("355")
def lasted_a_day_at_least(data: Return903) -> pl.LazyFrame:
    return report(data.episodes.filter(pl.col("DEC") == pl.col("DECOM")), "DECOM", "DEC")


@RULES.rule("356")
def ceased_on_or_after_it_started(data: Return903) -> pl.LazyFrame:
    return report(data.episodes.filter(pl.col("DEC") < pl.col("DECOM")), "DECOM", "DEC")


@RULES.rule("446")
def e1_only_from_december_2005(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("LS") == "E1") & (pl.col("DECOM") < E1_FIRST_DAY)
    return report(data.episodes.filter(wrong), "LS", "DECOM")


@RULES.rule("378")
def placed_with_parents_not_under_section_20(data: Return903) -> pl.LazyFrame:
    wrong = (pl.col("PLACE") == "P1") & (pl.col("LS") == "V2")
    return report(data.episodes.filter(wrong), "LS", "PLACE")


@RULES.rule("382")
def respite_not_in_a_temporary_placement(data: Return903) -> pl.LazyFrame:
    wrong = is_one_of("LS", codes.RESPITE) & is_one_of("PLACE", codes.TEMPORARY)
    return report(data.episodes.filter(wrong), "LS", "PLACE")


@RULES.rule("384")
def respite_not_in_long_term_foster_care(data: Return903) -> pl.LazyFrame:
    wrong = is_one_of("LS", codes.RESPITE) & is_one_of("PLACE", {"U1", "U4"})
    return report(data.episodes.filter(wrong), "LS", "PLACE")


@RULES.rule("366")
def respite_starts_its_own_episode(data: Return903) -> pl.LazyFrame:
    # A short-term break (V3) is a period of care of its own: it cannot be a change of placement.
    wrong = (pl.col("LS") == "V3") & pl.col("RNE").ne_missing("S")
    return report(data.episodes.filter(wrong), "LS", "RNE")


@RULES.rule("380")
def care_does_not_start_in_a_temporary_placement(data: Return903) -> pl.LazyFrame:
    wrong = is_one_of("PLACE", codes.TEMPORARY) & ~is_one_of("RNE", {"P", "B"}).fill_null(False)
    return report(data.episodes.filter(wrong), "RNE", "PLACE")


@RULES.rule("381")
def care_does_not_end_in_a_temporary_placement(data: Return903) -> pl.LazyFrame:
    wrong = is_one_of("PLACE", codes.TEMPORARY) & is_one_of("REC", codes.CEASED_TO_BE_LOOKED_AFTER)
    return report(data.episodes.filter(wrong), "PLACE", "REC")


@RULES.rule("217")
def adoption_by_foster_carers_starts_as_s_t_or_u(data: Return903) -> pl.LazyFrame:
    # Applies to episodes from 1 April 2015, when the placement types A3 and A5 began.
    wrong = (
        is_one_of("PLACE", {"A3", "A5"})
        & (pl.col("DECOM") >= date(2015, 4, 1))
        & ~is_one_of("RNE", {"S", "T", "U"}).fill_null(False)
    )
    return report(data.episodes.filter(wrong), "PLACE", "DECOM", "RNE")
