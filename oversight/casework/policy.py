"""This LA's timescale policy: the national rules plus its local settings."""

from functools import cache

from django.conf import settings

from oversight.timescales import LocalPolicy


@cache
def current_policy() -> LocalPolicy:
    """The policy from the ``OVERSIGHT_POLICY`` setting (a mapping), or the defaults."""
    return LocalPolicy.from_mapping(getattr(settings, "OVERSIGHT_POLICY", {}) or {})
