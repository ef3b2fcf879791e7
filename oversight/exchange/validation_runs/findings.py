"""A run's findings as a reader sees them: each with the child's record and team, filtered.

A finding names a child by the LA child id in the file. It is matched with the record of
that id among the children the reader may see (``casework.access``), and the team is that
record's latest allocation, the team that works or last worked with the child. A child
the reader may not see, or whose id is in no record, is *not in the records*: the page
never says which, so it cannot be used to learn who has a record.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from oversight.accounts.models import Team, User
from oversight.casework.access import visible_children
from oversight.casework.models import Allocation
from oversight.exchange.validation_runs.models import Change, RunFinding, ValidationRun

# Team filter values besides a team's id.
NOT_ALLOCATED = "not-allocated"
NOT_IN_RECORDS = "not-in-records"
WHOLE_RETURN = "whole-return"
TEAM_GROUPS = {
    NOT_ALLOCATED: "In the records, not allocated",
    NOT_IN_RECORDS: "Not in the records",
    WHOLE_RETURN: "About the whole return (no child)",
}


@dataclass(frozen=True)
class Filters:
    """What the reader asked to see; empty means everything."""

    rule: str = ""
    kind: str = ""
    team: str = ""
    child: str = ""
    change: str = ""

    def as_query(self) -> dict[str, str]:
        return {name: value for name, value in vars(self).items() if value}


def with_records(run: ValidationRun, reader: User) -> QuerySet[RunFinding]:
    """The run's findings, each with ``record_id`` and ``team_id``/``team_name`` for the reader."""
    record = visible_children(reader).filter(la_child_id=OuterRef("la_child_id"))
    latest = Allocation.objects.filter(child_id=OuterRef("record_id")).order_by("-start_on", "-id")
    return (
        run.findings.annotate(record_id=Subquery(record.values("pk")[:1]))
        .annotate(
            team_id=Subquery(latest.values("team_id")[:1]),
            team_name=Subquery(latest.values("team__name")[:1]),
        )
        .order_by("position")
    )


def filtered(findings: QuerySet[RunFinding], chosen: Filters) -> QuerySet[RunFinding]:
    """The findings chosen; those fixed since the previous run only when asked for."""
    if chosen.change != Change.FIXED:
        findings = findings.exclude(change=Change.FIXED)
    exact = {"rule": chosen.rule, "kind": chosen.kind, "la_child_id": chosen.child,
             "change": chosen.change}  # fmt: skip
    findings = findings.filter(**{name: value for name, value in exact.items() if value})
    return findings.filter(_team(chosen.team)) if chosen.team else findings


def _team(team: str) -> Q:
    if team == WHOLE_RETURN:
        return Q(la_child_id="")
    if team == NOT_IN_RECORDS:
        return ~Q(la_child_id="") & Q(record_id__isnull=True)
    if team == NOT_ALLOCATED:
        return Q(record_id__isnull=False, team_id__isnull=True)
    return Q(team_id=int(team)) if team.isdigit() else Q(pk__in=[])


def team_shown(finding: RunFinding) -> str:
    """The team column: the team, or why there is none."""
    if not finding.la_child_id:
        return ""
    if getattr(finding, "record_id", None) is None:
        return TEAM_GROUPS[NOT_IN_RECORDS]
    return getattr(finding, "team_name", None) or "Not allocated"


def team_choices() -> list[tuple[str, str]]:
    teams = [
        (str(pk), name) for pk, name in Team.objects.order_by("name").values_list("pk", "name")
    ]
    return [*teams, *TEAM_GROUPS.items()]


def rules_found(run: ValidationRun) -> list[str]:
    return sorted(set(run.findings.values_list("rule", flat=True)), key=_rule_order)


def _rule_order(code: str) -> tuple[int, str]:
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits) if digits else -1, code)
