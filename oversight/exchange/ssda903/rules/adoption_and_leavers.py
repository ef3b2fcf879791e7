"""Rules about adoption (AD1, should be placed for adoption), OC2, OC3 and previous permanence:
each file's codes and dates, and the items that go together."""

import polars as pl

from oversight.codes.la_codes import PERMANENCE_LA_CODES
from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES, reports_unreadable
from oversight.exchange.ssda903.rules.common import (
    code_rule,
    date_rule,
    episodes_in_order,
    is_one_of,
    not_one_of,
    report,
    with_header,
)
from oversight.exchange.ssda903.spec import ID

AD1_ITEMS = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
OC2_CHECKS = (
    "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED",
)  # fmt: skip
IN_TOUCH = {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}
ACTIVITY = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}
ACCOMMODATION = {
    "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1",
    "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0",
}  # fmt: skip
# A previous permanence order's date may have ZZ for a day or month not known.
PARTIAL_DATE = r"^([0-9]{2}|ZZ)/([0-9]{2}|ZZ)/[0-9]{4}$"

date_rule("112", "ad1", "DATE_INT", required=False)
date_rule("113", "ad1", "DATE_MATCH", required=False)
code_rule("114", "ad1", "FOSTER_CARE", codes.YES_NO, required=False)
code_rule("175", "ad1", "NB_ADOPTR", codes.NUMBER_OF_ADOPTERS, required=False)
code_rule("176", "ad1", "SEX_ADOPTR", codes.ADOPTERS_SEX, required=False)
code_rule("177", "ad1", "LS_ADOPTR", codes.ADOPTERS_LEGAL_STATUS, required=False)
date_rule("115", "placed_for_adoption", "DATE_PLACED", required=False)
date_rule("116", "placed_for_adoption", "DATE_PLACED_CEASED", required=False)
code_rule("120", "placed_for_adoption", "REASON_PLACED_CEASED", codes.REASON_NO_LONGER_PLACED,
          required=False)  # fmt: skip
code_rule("196", "oc2", "SDQ_REASON", codes.SDQ_REASON, required=False)
code_rule("131", "oc3", "IN_TOUCH", IN_TOUCH, required=True)
code_rule("132", "oc3", "ACTIV", ACTIVITY, required=True)
code_rule("133", "oc3", "ACCOM", ACCOMMODATION, required=True)
code_rule("631", "previous_permanence", "PREV_PERM", codes.PREVIOUS_PERMANENCE, required=False)


@RULES.rule("151")
def adoption_items_all_or_none(data: Return903) -> pl.LazyFrame:
    given = [pl.col(c).is_not_null() for c in AD1_ITEMS]
    wrong = pl.any_horizontal(given) & ~pl.all_horizontal(given)
    return report(data.ad1.filter(wrong), *AD1_ITEMS)


def adopters_rule(code: str, condition: pl.Expr, sexes: set[str]) -> None:
    """Register rule ``code``: where ``condition`` holds, the adopters' sexes are ``sexes``."""

    @RULES.rule(code)
    def adopters_agree(data: Return903) -> pl.LazyFrame:
        wrong = condition & ~is_one_of("SEX_ADOPTR", sexes).fill_null(False)
        return report(data.ad1.filter(wrong), "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")


COUPLE = {"MM", "FF", "MF"}
adopters_rule("511", pl.col("NB_ADOPTR") == "2", COUPLE)
adopters_rule("514", pl.col("LS_ADOPTR") == "L0", {"M1", "F1"})
adopters_rule("517", pl.col("LS_ADOPTR") == "L3", {"MF"})
adopters_rule("518", pl.col("LS_ADOPTR") == "L4", {"MM", "FF"})
adopters_rule("519", pl.col("LS_ADOPTR") == "L2", COUPLE)
adopters_rule("520", pl.col("LS_ADOPTR") == "L11", {"MF"})
adopters_rule("524", pl.col("LS_ADOPTR") == "L12", {"MM", "FF"})


@RULES.rule("333")
def decision_to_adopt_on_or_before_the_match(data: Return903) -> pl.LazyFrame:
    wrong = pl.col("DATE_INT") > pl.col("DATE_MATCH")
    return report(data.ad1.filter(wrong), "DATE_INT", "DATE_MATCH")


@RULES.rule("119")
def no_longer_placed_has_a_date_and_a_reason(data: Return903) -> pl.LazyFrame:
    # An unreadable date is not a blank: it is reported by 116, not here.
    placed = data.placed_for_adoption.join(
        data.unreadable.filter(pl.col("field") == "DATE_PLACED_CEASED").select("file", "line"),
        on=["file", "line"], how="anti",
    )  # fmt: skip
    wrong = pl.col("DATE_PLACED_CEASED").is_null() != pl.col("REASON_PLACED_CEASED").is_null()
    return report(placed.filter(wrong), "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")


@RULES.rule("184")
def decision_to_place_for_adoption_after_birth(data: Return903) -> pl.LazyFrame:
    placed = with_header(data, data.placed_for_adoption.drop("DOB"), "DOB")
    return report(placed.filter(pl.col("DATE_PLACED") < pl.col("DOB")), "DOB", "DATE_PLACED")


reports_unreadable("180", "oc2", "SDQ_SCORE")


@RULES.rule("180")
def sdq_score_0_to_40(data: Return903) -> pl.LazyFrame:
    # A score that is not a whole number at all is reported here too, as it was written.
    unread = data.unreadable.filter((pl.col("table") == "oc2") & (pl.col("field") == "SDQ_SCORE"))
    unread = unread.select(ID, "line", "file", pl.col("value").alias("SDQ_SCORE"))
    out_of_range = data.oc2.filter((pl.col("SDQ_SCORE") < 0) | (pl.col("SDQ_SCORE") > 40))
    out_of_range = report(out_of_range, pl.col("SDQ_SCORE").cast(pl.String))
    return pl.concat([unread, out_of_range]).sort("file", "line")


@RULES.rule("181")
def twelve_month_items_are_0_or_1(data: Return903) -> pl.LazyFrame:
    wrong = pl.any_horizontal(not_one_of(c, codes.YES_NO) for c in OC2_CHECKS)
    return report(data.oc2.filter(wrong), *OC2_CHECKS)


@RULES.rule("632")
def previous_permanence_date_is_a_date_before_care(data: Return903) -> pl.LazyFrame:
    # ZZ stands for a day or month not known; a date known in full must be a real date,
    # and must come before the child's first episode.
    permanence = data.previous_permanence.filter(pl.col("DATE_PERM").is_not_null())
    known = pl.col("DATE_PERM").str.to_date("%d/%m/%Y", strict=False)
    partly_known = pl.col("DATE_PERM").str.contains("ZZ")
    wellformed = pl.col("DATE_PERM").str.contains(PARTIAL_DATE) & (
        partly_known | known.is_not_null()
    )
    first = episodes_in_order(data).filter(pl.col("_number") == 0).select(ID, "DECOM")
    permanence = permanence.join(first, on=ID, how="left")
    too_late = (known >= pl.col("DECOM")).fill_null(False)
    return report(permanence.filter(~wellformed | too_late), "DATE_PERM", "DECOM")


# Besides the LA codes, 999 (``codes.la_codes.PERMANENCE_LA_CODES``).
LA_PERM_CODES = sorted(PERMANENCE_LA_CODES)


@RULES.rule("633")
def previous_permanence_la_is_a_local_authority(data: Return903) -> pl.LazyFrame:
    given = pl.col("LA_PERM").is_not_null()
    wrong = given & ~pl.col("LA_PERM").is_in(LA_PERM_CODES)
    return report(data.previous_permanence.filter(wrong), "LA_PERM")


@RULES.rule("635")
def no_order_details_without_a_previous_permanence(data: Return903) -> pl.LazyFrame:
    details = pl.col("LA_PERM").is_not_null() | pl.col("DATE_PERM").is_not_null()
    wrong = details & (pl.col("PREV_PERM") == "Z1")
    return report(data.previous_permanence.filter(wrong), "PREV_PERM", "LA_PERM", "DATE_PERM")
