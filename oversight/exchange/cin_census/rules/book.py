"""The rule book of the CIN census 2025/26: every rule registers here against the DfE's list."""

import polars as pl

from oversight.exchange.cin_census.read import CinData
from oversight.exchange.validation import RuleBook, read_catalogue

# What a rule takes: the return's tables as lazy queries, so that each rule's steps are
# planned and run as one (see ``validation.rulebook``). A rule returns a lazy query too.
Census = CinData[pl.LazyFrame]

CATALOGUE = read_catalogue("oversight.exchange.cin_census", "rules_2025_26.txt")
RULES: RuleBook[Census] = RuleBook(CATALOGUE, id_column="LAchildID")
