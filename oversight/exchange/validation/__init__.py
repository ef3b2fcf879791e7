"""What the DfE returns' validators share: rule catalogues, findings, and running a rule book.

A rule is a small pure function over columnar data (Polars frames) that returns the rows
that break it: one row per finding, with the child's id, the line in the file where known,
and the fields and values involved. Rules never decide pass or fail by themselves: a rule
that raises is reported as *not checked*, never as passed.
"""

from oversight.exchange.validation.catalogue import Catalogue, RuleInfo, read_catalogue
from oversight.exchange.validation.findings import ERROR, FAILURE, QUERY, Finding, Report
from oversight.exchange.validation.rulebook import RuleBook, collection_paused

__all__ = [
    "collection_paused",
    "ERROR",
    "FAILURE",
    "QUERY",
    "Catalogue",
    "Finding",
    "Report",
    "RuleBook",
    "RuleInfo",
    "read_catalogue",
]
