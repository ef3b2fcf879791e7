"""The read side of case audits: what the completed audits say, counted.

Small functions over completed audits (optionally one programme's): grades by domain,
team, theme and month; how far moderators agree with auditors; whether cases with
overdue work graded worse; the learning themes that recur; a programme's results for a
period, which the self-evaluation links by reference.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth

from oversight.casework.models import Deadline
from oversight.quality.agreement import Agreement, agreement
from oversight.quality.domains import DOMAINS, GRADES, THEMES
from oversight.quality.models import (
    Audit,
    AuditProgramme,
    AuditStatus,
    DomainGrade,
    ModeratedDomain,
    Sample,
)

WORSE = ("requires-improvement", "inadequate")
REFERENCE = re.compile(
    r"^(?P<name>.+) \((?P<start>\d{4}-\d{2}-\d{2}) to (?P<end>\d{4}-\d{2}-\d{2})\)$"
)

Counts = dict[str, dict[str, int]]  # what (a domain, a team, a month) -> grade -> audits


def completed(programme: AuditProgramme | None = None) -> QuerySet[Audit]:
    audits = Audit.objects.filter(status=AuditStatus.COMPLETE)
    return audits.filter(case__sample__programme=programme) if programme else audits


def domain_name(key: str) -> str:
    """A common domain's name; a programme's own question by its number."""
    return DOMAINS.get(key) or f"Programme question {key.removeprefix('q')}"


def _counted(rows: QuerySet, key: str, grade: str) -> Counts:
    counts: Counts = {}
    for row in rows.values(key, grade).annotate(n=Count("pk")).order_by(key):
        counts.setdefault(row[key], dict.fromkeys(GRADES, 0))[row[grade]] += row["n"]
    return counts


def by_domain(audits: QuerySet[Audit]) -> Counts:
    """Grades given in each domain, the common six first, then the programmes' own."""
    counts = _counted(DomainGrade.objects.filter(audit__in=audits), "domain", "grade")
    order = [*DOMAINS, *sorted(k for k in counts if k not in DOMAINS)]
    return {domain_name(k): counts[k] for k in order if k in counts}


def by_team(audits: QuerySet[Audit]) -> Counts:
    """Overall grades by the child's team when the audit was completed."""
    counts = _counted(audits, "team__name", "overall")
    return {name or "No team": grades for name, grades in counts.items()}


def by_theme(audits: QuerySet[Audit]) -> Counts:
    counts = _counted(audits, "case__sample__programme__theme", "overall")
    return {THEMES.get(theme, theme): grades for theme, grades in counts.items()}


def by_month(audits: QuerySet[Audit]) -> dict[date, dict[str, int]]:
    """Overall grades by the month the audit was completed, oldest first."""
    return _counted(audits.annotate(month=TruncMonth("completed_on")), "month", "overall")  # type: ignore[return-value]


# Moderation: the auditor's grade first, the moderator's second.


def moderation_by_domain(audits: QuerySet[Audit]) -> dict[str, Agreement]:
    """Agreement in each domain, and on the overall grade (the last row)."""
    pairs: dict[str, list[tuple[str, str]]] = {}
    second = ModeratedDomain.objects.filter(moderation__audit__in=audits)
    firsts = {(g.audit_id, g.domain): g.grade for g in _grades_of(audits)}
    for moderated in second.select_related("moderation"):
        first = firsts.get((moderated.moderation.audit_id, moderated.domain))
        if first:
            pairs.setdefault(moderated.domain, []).append((first, moderated.grade))
    order = [*DOMAINS, *sorted(k for k in pairs if k not in DOMAINS)]
    shown = {domain_name(k): agreement(pairs[k]) for k in order if k in pairs}
    return shown | {"Overall grade": agreement(_overall_pairs(audits))}


def moderation_by_auditor(audits: QuerySet[Audit]) -> dict[str, Agreement]:
    """Agreement on the overall grade, for each auditor whose audits were moderated."""
    pairs: dict[str, list[tuple[str, str]]] = {}
    for audit in audits.filter(moderation__isnull=False).select_related("auditor", "moderation"):
        name = audit.auditor.display_name
        pairs.setdefault(name, []).append((audit.overall, audit.moderation.overall))
    return {name: agreement(found) for name, found in sorted(pairs.items())}


def _grades_of(audits: QuerySet[Audit]) -> QuerySet[DomainGrade]:
    return DomainGrade.objects.filter(audit__in=audits, audit__moderation__isnull=False)


def _overall_pairs(audits: QuerySet[Audit]) -> list[tuple[str, str]]:
    moderated = audits.filter(moderation__isnull=False)
    return list(moderated.values_list("overall", "moderation__overall"))


# Audits against the data


@dataclass(frozen=True)
class Group:
    """Completed audits of one kind of case, and how many graded requires improvement or worse."""

    name: str
    audits: int
    worse: int

    @property
    def share_worse(self) -> float | None:
        return self.worse / self.audits if self.audits else None


def overdue_on_completion() -> Exists:
    """Whether the child had a deadline open and overdue on the day the audit was completed."""
    day = OuterRef("completed_on")
    return Exists(
        Deadline.objects.filter(child_id=OuterRef("case__child_id"), due_on__lt=day)
        .filter(Q(met_on__isnull=True) | Q(met_on__gt=day))
        .filter(Q(lapsed_on__isnull=True) | Q(lapsed_on__gt=day))
    )


def against_overdue_work(audits: QuerySet[Audit]) -> list[Group]:
    """Do cases with overdue work grade worse? With overdue work first, then without."""
    marked = audits.annotate(overdue=overdue_on_completion())
    groups = []
    for name, overdue in (("With overdue work", True), ("No overdue work", False)):
        these = marked.filter(overdue=overdue)
        groups.append(Group(name, these.count(), these.filter(overall__in=WORSE).count()))
    return groups


def learning_themes(audits: QuerySet[Audit]) -> list[tuple[str, int]]:
    """The learning tags, most frequent first (ties alphabetical)."""
    counted = Counter(tag for tags in audits.values_list("learning", flat=True) for tag in tags)
    return sorted(counted.items(), key=lambda item: (-item[1], item[0]))


# Progress of the samples


@dataclass(frozen=True)
class Progress:
    sample: Sample
    cases: int
    audited: int
    moderated: int


def progress(programme: AuditProgramme) -> list[Progress]:
    complete = Q(cases__audit__status=AuditStatus.COMPLETE)
    samples = programme.samples.annotate(
        n_cases=Count("cases", distinct=True),
        n_audited=Count("cases__audit", filter=complete, distinct=True),
        n_moderated=Count("cases__audit__moderation", distinct=True),
    )
    return [Progress(s, s.n_cases, s.n_audited, s.n_moderated) for s in samples]  # type: ignore[attr-defined]


# A programme's results for a period: what the self-evaluation links by reference


@dataclass(frozen=True)
class Results:
    reference: str
    programme: AuditProgramme
    start: date
    end: date
    grades: dict[str, int]
    moderation: Agreement

    @property
    def audits(self) -> int:
        return sum(self.grades.values())

    @property
    def share_good(self) -> float | None:
        good = self.grades["outstanding"] + self.grades["good"]
        return good / self.audits if self.audits else None


def reference(programme: AuditProgramme, start: date, end: date) -> str:
    return f"{programme.name} ({start.isoformat()} to {end.isoformat()})"


def results(programme: AuditProgramme, start: date, end: date) -> Results:
    """The programme's audits completed in the period: overall grades and moderation."""
    audits = completed(programme).filter(completed_on__gte=start, completed_on__lte=end)
    grades = dict.fromkeys(GRADES, 0)
    for grade, n in audits.values_list("overall").annotate(n=Count("pk")).order_by():
        grades[grade] += n
    return Results(reference(programme, start, end), programme, start, end, grades,
                   agreement(_overall_pairs(audits)))  # fmt: skip


def results_for(ref: str) -> Results | None:
    """The results a reference names, or None when it names no programme and period."""
    found = REFERENCE.match(ref.strip())
    if found is None:
        return None
    programme = AuditProgramme.objects.filter(name=found["name"]).first()
    try:
        start, end = date.fromisoformat(found["start"]), date.fromisoformat(found["end"])
    except ValueError:
        return None
    if programme is None or end < start:
        return None
    return results(programme, start, end)
