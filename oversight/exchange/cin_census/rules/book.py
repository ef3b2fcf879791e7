"""The rule book of the CIN census 2025/26: every rule registers here against the DfE's list."""

from oversight.exchange.cin_census.read import CinData
from oversight.exchange.validation import RuleBook, read_catalogue

CATALOGUE = read_catalogue("oversight.exchange.cin_census", "rules_2025_26.txt")
RULES: RuleBook[CinData] = RuleBook(CATALOGUE, id_column="LAchildID")
