"""Rules that tie the files together: each child of a file is in the header, once where once
is the rule, with the header's date of birth and sex."""

import polars as pl

from oversight.exchange.ssda903.read import Return903
from oversight.exchange.ssda903.rules.book import RULES
from oversight.exchange.ssda903.rules.common import report
from oversight.exchange.ssda903.spec import ID


def child_in_header_rule(code: str, table: str) -> None:
    @RULES.rule(code)
    def child_is_in_the_header(data: Return903) -> pl.LazyFrame:
        rows = data.table(table).filter(pl.col(ID).is_not_null())
        return report(rows.join(data.header.select(ID), on=ID, how="anti"))


def same_as_header_rule(code: str, table: str, column: str) -> None:
    @RULES.rule(code)
    def agrees_with_the_header(data: Return903) -> pl.LazyFrame:
        header = data.header.unique(ID, keep="first", maintain_order=True)
        header = header.select(ID, pl.col(column).alias(f"header {column}"))
        rows = data.table(table).join(header, on=ID, how="inner")
        return report(rows.filter(pl.col(column) != pl.col(f"header {column}")), column,
                      f"header {column}")  # fmt: skip


def once_rule(code: str, table: str) -> None:
    @RULES.rule(code)
    def child_is_in_the_file_once(data: Return903) -> pl.LazyFrame:
        rows = data.table(table).filter(pl.col(ID).is_not_null())
        return report(rows.filter(pl.col(ID).is_duplicated()))


for code, table in [
    ("INT01", "ad1"), ("INT02", "placed_for_adoption"), ("INT03", "episodes"),
    ("INT04", "missing"), ("INT05", "oc2"), ("INT06", "oc3"), ("INT07", "previous_permanence"),
    ("INT08", "reviews"), ("INT09", "uasc"),
]:  # fmt: skip
    child_in_header_rule(code, table)

for code, table in [
    ("INT11", "ad1"), ("INT12", "placed_for_adoption"), ("INT13", "missing"), ("INT14", "oc2"),
    ("INT15", "oc3"), ("INT16", "previous_permanence"), ("INT17", "reviews"), ("INT18", "uasc"),
]:  # fmt: skip
    same_as_header_rule(code, table, "DOB")
same_as_header_rule("INT21", "uasc", "SEX")

for code, table in [
    ("INT31", "ad1"), ("INT33", "oc2"), ("INT34", "oc3"), ("INT35", "previous_permanence"),
    ("INT36", "uasc"),
]:  # fmt: skip
    once_rule(code, table)
