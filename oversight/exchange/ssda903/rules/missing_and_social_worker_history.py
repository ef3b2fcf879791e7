"""Rules that read a child's missing periods and social worker episodes against the child's
episodes: a missing period ends with the placement it began in, a child missing at 18 ceases
care for another reason (E8), and a child looked after at 31 March has every social worker
episode of the reporting period."""

import polars as pl

from oversight.exchange.ssda903 import codes
from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.adoption_records import CHANGE_OF_PLACEMENT, readable
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import is_one_of, report, with_header
from oversight.exchange.ssda903.spec import ID

OTHER_REASON = "E8"


@RULES.rule("575")
def missing_ends_when_its_placement_ends(data: Return903) -> pl.LazyFrame:
    # The placement a child went missing from is the episode the period began in: from its
    # start up to (not including) its end, when the next placement begins. An end date that
    # cannot be read is reported by rule 1005, not taken for a blank.
    missing = readable(data, "missing", data.missing, "MIS_END")
    still_missing = missing.filter(pl.col("MIS_START").is_not_null() & pl.col("MIS_END").is_null())
    ended = data.episodes.filter(pl.col("DEC").is_not_null()).select(
        ID, pl.col("DECOM").alias("placement began"), pl.col("DEC").alias("placement ended")
    )
    within = still_missing.join(ended, on=ID, how="inner").filter(
        (pl.col("MIS_START") >= pl.col("placement began"))
        & (pl.col("MIS_START") < pl.col("placement ended"))
    )
    within = within.unique(["file", "line"], keep="first", maintain_order=True)
    return report(within, "MIS_START", "MIS_END", "placement ended")


@RULES.rule("580")
def missing_at_18_when_care_ceased_is_e8(data: Return903) -> pl.LazyFrame:
    # The DfE's condition: a missing period that ended on the 18th birthday, the day care
    # ceased, gives the reason E8. An episode that ended in a change of placement (X1) did
    # not end the child's care.
    missing = with_header(data, data.missing.drop("DOB"), "DOB")
    at_18 = missing.filter(pl.col("MIS_END") == pl.col("DOB").dt.offset_by("18y"))
    at_18 = at_18.select(ID, pl.col("MIS_END").alias("DEC")).unique()
    ceased = data.episodes.filter(
        pl.col("REC").ne_missing(OTHER_REASON) & pl.col("REC").ne_missing(CHANGE_OF_PLACEMENT)
    )
    return report(ceased.join(at_18, on=[ID, "DEC"], how="semi"), "DEC", "REC")


@RULES.rule("SW12STG2")
def social_workers_for_the_full_year_are_reported(data: Return903) -> pl.LazyFrame:
    # Read as: for a child looked after on 31 March (not only for respite), the earliest
    # social worker episode reported begins no later than the child's care in the reporting
    # period did (the earliest episode in the return, or the period's start if earlier).
    # Social worker episodes before care cannot be known to be missing, so are not asked for.
    year_end = data.year.end
    episodes = data.episodes.filter(~is_one_of("LS", codes.RESPITE).fill_null(False))
    open_at_end = (pl.col("DECOM") <= year_end) & (
        pl.col("DEC").is_null() | (pl.col("DEC") > year_end)
    )
    in_care = episodes.filter(open_at_end).unique(ID, keep="first", maintain_order=True)
    began = episodes.group_by(ID).agg(pl.col("DECOM").min().alias("_began"))
    period_start = pl.lit(data.year.social_workers_from)
    began = began.select(ID, pl.max_horizontal("_began", period_start).alias("care from"))
    first = data.social_worker_episodes.group_by(ID).agg(
        pl.col("SW_DECOM").min().alias("first SW_DECOM")
    )
    in_care = in_care.join(began, on=ID, how="left").join(first, on=ID, how="left")
    wrong = pl.col("first SW_DECOM").is_null() | (pl.col("first SW_DECOM") > pl.col("care from"))
    return report(in_care.filter(wrong), "DECOM", "care from", "first SW_DECOM")
