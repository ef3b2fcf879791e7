"""Storing validation runs, finding the ones a user may open, and deleting old ones.

A run is compared when it is stored with the latest earlier run of the same return (kind
and year) that its maker may open, and the comparison is stored with it: the earlier run
may be deleted later without the later one losing what was fixed.

Runs are kept ``OVERSIGHT_VALIDATION_RUN_DAYS`` days (docs/returns.md): findings name
children and quote their data, and a run is only needed while a return is being fixed.
An expired run is never shown, and is deleted whenever a run is stored or the returns
page is opened (``delete_expired``), by the workers as they forget old jobs, and by
``oversight retention``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from oversight.accounts.models import User
from oversight.casework import policy_rules as policy
from oversight.exchange.validation_runs.changes import Changes, compare
from oversight.exchange.validation_runs.checks import Checked
from oversight.exchange.validation_runs.models import (
    Change,
    RunFinding,
    RunSource,
    ValidationRun,
)

BATCH = 2000


def oldest_kept(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=settings.OVERSIGHT_VALIDATION_RUN_DAYS)


def kept() -> QuerySet[ValidationRun]:
    """The runs still inside the retention period."""
    return ValidationRun.objects.filter(at__gte=oldest_kept())


def expired(now: datetime | None = None) -> QuerySet[ValidationRun]:
    """The runs older than the retention period."""
    return ValidationRun.objects.filter(at__lt=oldest_kept(now))


def delete_expired(now: datetime | None = None) -> int:
    """Delete the runs older than the retention period, with their findings; how many."""
    return expired(now).delete()[1].get(ValidationRun._meta.label, 0)


def runs_seen_by(user: User) -> QuerySet[ValidationRun]:
    """The kept runs this user may open: every run for those who read them all, else their own."""
    runs = kept().select_related("by")
    if policy.reads_every_validation_run(user):
        return runs
    return runs.filter(by=user) if policy.prepares_returns(user) else runs.none()


def run_for(user: User, pk: int) -> ValidationRun | None:
    """The run, if it is kept and the user may open it."""
    found = kept().select_related("by", "earlier").filter(pk=pk).first()
    return found if found and policy.reads_validation_run(user, found) else None


def keep(
    checked: Checked, kind: str, year: str, by: User, source: str = RunSource.UPLOAD
) -> ValidationRun:
    """Store the run, compared with the latest earlier run of the return its maker may open."""
    delete_expired()
    earlier = runs_seen_by(by).filter(kind=kind, year=year).first()
    report = checked.report
    with transaction.atomic():
        run = ValidationRun.objects.create(
            kind=kind, year=year, source=source, files=checked.files, by=by,
            errors=len(report.errors), queries=len(report.queries),
            not_checked=checked.not_checked, rules_in_year=checked.rules_in_year,
            rules_checked=checked.rules_checked,
            rules_need_last_year=checked.rules_need_last_year,
            rules_need_la=checked.rules_need_la, earlier=earlier,
        )  # fmt: skip
        changes = _changes(report.findings, earlier)
        _store_findings(run, checked, changes)
        if changes is not None:
            run.compared, run.new, run.fixed = True, changes.new, len(changes.fixed)
            run.save(update_fields=["compared", "new", "fixed"])
    return run


def _changes(findings: list, earlier: ValidationRun | None) -> Changes | None:
    if earlier is None:
        return None
    before = earlier.findings.exclude(change=Change.FIXED).order_by("position")
    return compare(findings, [stored.as_finding() for stored in before.iterator()])


def _store_findings(run: ValidationRun, checked: Checked, changes: Changes | None) -> None:
    found = checked.report.findings
    marks = changes.marks if changes else [""] * len(found)
    rows = [
        RunFinding.of(run, n, f, mark) for n, (f, mark) in enumerate(zip(found, marks, strict=True))
    ]
    gone = changes.fixed if changes else []
    rows += [RunFinding.of(run, len(found) + n, f, Change.FIXED) for n, f in enumerate(gone)]
    RunFinding.objects.bulk_create(rows, batch_size=BATCH)
