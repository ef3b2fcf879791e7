"""The DfE's validation rules for the SSDA903 2025/26, one small function per rule.

Each module holds the rules about one part of the return; importing this package
registers them all in ``RULES``. A rule takes the return's tables as lazy queries
(``Return903.lazy``) and returns the rows that break it, as a lazy query too: ``CHILD``,
``line``, ``file``, and the fields involved. Tables several rules share are derived once
(``common.per_return``) and shared as rows.
"""

from oversight.exchange.ssda903.rules import (  # noqa: F401  (importing registers the rules)
    adoption,
    adoption_and_leavers,
    against_last_year,
    care_leavers_history,
    care_leavers_oc3,
    child_details,
    durations,
    episode_ages,
    episode_sequence,
    episodes,
    header,
    integrity,
    last_year,
    missing,
    missing_and_social_worker_history,
    outcomes_oc2,
    placed_for_adoption,
    placement_places,
    placement_places_last_year,
    postcodes,
    respite_and_holidays,
    reviews_and_uasc,
    social_workers,
)
from oversight.exchange.ssda903.rules.book import RULES

__all__ = ["RULES"]
