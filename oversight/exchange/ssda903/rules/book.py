"""The rule book of the SSDA903 2025/26: every rule registers here against the DfE's list.

Besides the book itself, three registers the validation needs: the rules that compare with
last year's return (run only when it is given), the rules that need to know which LA the
return is from (run only when that is given), and the columns whose unreadable values a
rule reports in the DfE's own words (so the reader's plain format finding is not repeated).
"""

import functools
from collections.abc import Callable

import polars as pl

from oversight.exchange.ssda903.read import MissingTable, Return903
from oversight.exchange.validation import RuleBook, read_catalogue
from oversight.exchange.validation.rulebook import Check

CATALOGUE = read_catalogue("oversight.exchange.ssda903", "rules_2025_26.txt")
# A rule takes the return's tables as lazy queries (``Return903.lazy``).
RULES: RuleBook[Return903[pl.LazyFrame]] = RuleBook(CATALOGUE, id_column="CHILD")

LAST_YEAR: set[str] = set()
NEEDS_LA: set[str] = set()
COVERS: dict[tuple[str, str], str] = {}


def compares_with_last_year(
    code: str,
) -> Callable[[Check[Return903[pl.LazyFrame]]], Check[Return903[pl.LazyFrame]]]:
    """Register a rule that needs last year's return."""
    LAST_YEAR.add(code)
    return RULES.rule(code)


def needs_the_la(
    code: str, last_year: bool = False
) -> Callable[[Check[Return903[pl.LazyFrame]]], Check[Return903[pl.LazyFrame]]]:
    """Register a rule that needs to know which LA the return is from (``Return903.la``):
    without it, the rule raises, and so is reported as not checked. ``last_year``: it
    needs last year's return too."""
    NEEDS_LA.add(code)
    if last_year:
        LAST_YEAR.add(code)

    def register(check: Check[Return903[pl.LazyFrame]]) -> Check[Return903[pl.LazyFrame]]:
        @functools.wraps(check)
        def with_the_la(data: Return903[pl.LazyFrame]) -> pl.LazyFrame:
            if data.la is None:
                raise MissingTable("the LA the return is from was not given (--la)")
            return check(data)

        RULES.rule(code)(with_the_la)
        return check

    return register


def reports_unreadable(code: str, table: str, column: str) -> None:
    """Say that rule ``code`` reports the unreadable values of ``table``'s ``column``."""
    COVERS[(table, column)] = code
