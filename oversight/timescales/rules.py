"""The rules as a local authority applies them: national rules fixed, local ones set by
its ``LocalPolicy`` (visit frequencies, management oversight, closure days).

This is the front door for due dates: ``due_date("assessment", referral_date)``. The
rule data lives in ``catalogue`` and the ``Rule`` type in ``timescale``; both are
re-exported here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from oversight.timescales.calendar import ENGLAND, WorkingDayCalendar
from oversight.timescales.catalogue import LOCAL_RULES, NATIONAL_RULES
from oversight.timescales.timescale import Rule, Unit

__all__ = [
    "DEFAULT_POLICY",
    "LOCAL_RULES",
    "NATIONAL_RULES",
    "LocalPolicy",
    "Rule",
    "Unit",
    "UnknownRule",
    "due_date",
]

OVERSIGHT_KINDS = ("cp", "cin", "cla", "care-leaver")
DEFAULT_OVERSIGHT_WORKING_DAYS: Mapping[str, int] = MappingProxyType(
    {kind: LOCAL_RULES[f"oversight-{kind}"].interval for kind in OVERSIGHT_KINDS}
)


class UnknownRule(KeyError):
    """Raised for a rule id that is neither national nor local."""

    def __init__(self, rule_id: str) -> None:
        known = ", ".join(sorted(NATIONAL_RULES | LOCAL_RULES))
        self.rule_id = rule_id
        self.message = f"Unknown timescale rule {rule_id!r}. Known rules: {known}."
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


def _positive(name: str, value: object, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(
            f"{name} must be a whole number of working days, at least {minimum}; got {value!r}."
        )
    return value


def _closure_dates(value: object) -> tuple[date, ...]:
    if isinstance(value, str | date) or not isinstance(value, Iterable):
        raise ValueError(f"extra_closures must be a list of dates, not {value!r}.")
    return tuple(sorted({_closure_date(item) for item in value}))


def _closure_date(item: object) -> date:
    if isinstance(item, datetime):
        raise ValueError(f"extra_closures must hold dates, not date-times: {item!r}.")
    if isinstance(item, date):
        return item
    if isinstance(item, str):
        try:
            return date.fromisoformat(item)
        except ValueError:
            pass
    raise ValueError(f"extra_closures holds {item!r}, which is not a date (use YYYY-MM-DD).")


def _oversight(value: object) -> Mapping[str, int]:
    if not isinstance(value, Mapping):
        raise ValueError(f"oversight_working_days must be a mapping, not {value!r}.")
    unknown = sorted(set(value) - set(OVERSIGHT_KINDS))
    if unknown:
        raise ValueError(
            f"oversight_working_days has unknown kind(s): {', '.join(map(str, unknown))}. "
            f"Known kinds: {', '.join(OVERSIGHT_KINDS)}."
        )
    merged = {**DEFAULT_OVERSIGHT_WORKING_DAYS, **value}
    for kind, days in merged.items():
        _positive(f"oversight_working_days[{kind!r}]", days)
    return MappingProxyType(merged)


@lru_cache(maxsize=64)
def _calendar_with(closures: tuple[date, ...]) -> WorkingDayCalendar:
    # Policies with the same closures share one calendar and so its per-year caches.
    return WorkingDayCalendar(closures) if closures else ENGLAND


@dataclass(frozen=True)
class LocalPolicy:
    """A local authority's own timescales and closure days. Defaults are common practice.

    Invalid values raise ``ValueError`` naming the setting, so an LA's stored settings
    can be checked with ``LocalPolicy.from_mapping``.
    """

    cp_visit_working_days: int = 10
    cin_visit_working_days: int = 20
    oversight_working_days: Mapping[str, int] = field(
        default_factory=lambda: DEFAULT_OVERSIGHT_WORKING_DAYS, hash=False
    )
    due_soon_working_days: int = 5
    extra_closures: tuple[date, ...] = ()
    # Worked out once: the data generator asks a policy for due dates millions of times.
    _rules: Mapping[str, Rule] = field(init=False, repr=False, compare=False, hash=False)
    _calendar: WorkingDayCalendar = field(init=False, repr=False, compare=False, hash=False)
    _due: dict[tuple[str, date], date] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        _positive("cp_visit_working_days", self.cp_visit_working_days)
        _positive("cin_visit_working_days", self.cin_visit_working_days)
        _positive("due_soon_working_days", self.due_soon_working_days, minimum=0)
        oversight = _oversight(self.oversight_working_days)
        closures = _closure_dates(self.extra_closures)
        object.__setattr__(self, "oversight_working_days", oversight)
        object.__setattr__(self, "extra_closures", closures)
        object.__setattr__(self, "_rules", MappingProxyType(self._apply()))
        object.__setattr__(self, "_calendar", _calendar_with(closures))

    def _apply(self) -> dict[str, Rule]:
        intervals = {
            "cp-visit": self.cp_visit_working_days,
            "cin-visit": self.cin_visit_working_days,
            **{f"oversight-{kind}": n for kind, n in self.oversight_working_days.items()},
        }
        local = {
            rule_id: dataclasses.replace(rule, interval=intervals.get(rule_id, rule.interval))
            for rule_id, rule in LOCAL_RULES.items()
        }
        return NATIONAL_RULES | local

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> LocalPolicy:
        """Build a policy from an LA's stored settings, rejecting anything unknown or invalid."""
        known = {f.name for f in dataclasses.fields(cls) if f.init}
        unknown = sorted(set(settings) - known)
        if unknown:
            raise ValueError(
                f"Unknown local policy setting(s): {', '.join(map(str, unknown))}. "
                f"Known settings: {', '.join(sorted(known))}."
            )
        return cls(**settings)

    def calendar(self) -> WorkingDayCalendar:
        """England's working days less this authority's closure days."""
        return self._calendar

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id as this policy applies it; ``UnknownRule`` if there is none."""
        try:
            return self._rules[rule_id]
        except KeyError:
            raise UnknownRule(rule_id) from None

    def rules(self) -> dict[str, Rule]:
        """Every rule, national then local, as this policy applies it."""
        return dict(self._rules)

    def due_date(self, rule_id: str, start: date) -> date:
        """When the event governed by ``rule_id`` is due, for a clock started on ``start``."""
        key = (rule_id, start)
        due = self._due.get(key)
        if due is None:
            # A date (not a datetime: those are not remembered) repeats across children.
            due = self.rule(rule_id).due(start, self._calendar)
            if type(start) is date:
                self._due[key] = due
        return due


DEFAULT_POLICY = LocalPolicy()


def due_date(rule_id: str, start: date, policy: LocalPolicy = DEFAULT_POLICY) -> date:
    """When the event governed by ``rule_id`` is due under ``policy`` (the defaults if none)."""
    return policy.due_date(rule_id, start)
