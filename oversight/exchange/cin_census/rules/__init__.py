"""The DfE's validation rules for the CIN census 2025/26, one small function per rule.

Each module holds the rules about one part of the return; importing this package
registers them all in ``RULES``. A rule takes the return's tables as lazy queries
(``book.Census``) and returns the rows that break it, as a lazy query too: ``LAchildID``,
``line`` where known, and the fields involved.
"""

from oversight.exchange.cin_census.rules import (  # noqa: F401  (importing registers the rules)
    assessment_factors,
    assessments,
    child,
    cin_plans,
    closure,
    conferences,
    disabilities,
    episode_activity,
    open_episodes,
    plans_together,
    protection_plans,
    referrals,
    reviews,
    section47,
    upn,
    whole_return,
)
from oversight.exchange.cin_census.rules.book import RULES

__all__ = ["RULES"]
