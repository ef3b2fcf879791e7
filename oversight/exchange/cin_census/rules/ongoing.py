"""Records that start while another record of the same kind is still ongoing.

Within one ``<CINdetails>`` group a new assessment (8863Q) or section 47 enquiry (8890)
must not start on or between the start and the end of another of its kind. The records
are told apart by their position in the episode, never by their dates: two records with
the same dates are two records, each starting while the other is ongoing.
"""

import polars as pl

EPISODE = ["child", "episode"]


def starting_while_another_is_ongoing(
    records: pl.LazyFrame, position: str, start: str, until: pl.Expr
) -> pl.LazyFrame:
    """The rows of ``records`` whose ``start`` is on or between another's start and ``until``.

    ``position`` tells the records of an episode apart; ``until`` is the last day each
    record is ongoing (null for a record that is never ongoing).
    """
    spans = records.select(
        *EPISODE,
        pl.col(position).alias("_other"),
        pl.col(start).alias("_other_start"),
        until.alias("_other_until"),
    )
    pairs = records.select(*EPISODE, position, start).join(spans, on=EPISODE)
    during = pairs.filter(
        (pl.col(position) != pl.col("_other"))
        & pl.col(start).is_between(pl.col("_other_start"), pl.col("_other_until"))
    )
    return records.join(during.select(*EPISODE, position), on=[*EPISODE, position], how="semi")
