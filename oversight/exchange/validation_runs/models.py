"""A validation run of a DfE return and its findings, as stored for the returns pages.

A run holds what the validator said, never the file: the file names, the counts, how much
of the year's rule book was covered, and each finding with its rule, child, place, fields
and values. A run compared with the run before it of the same return marks each finding
new or still there, and holds the earlier findings that are gone as *fixed*.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from oversight.exchange.validation import FAILURE, Finding

# A child id longer than this is no LA child id (the CIN census allows 10 characters); it
# is kept cut short, as the file's own format finding already reports it whole.
LONGEST_CHILD_ID = 100


class ReturnKind(models.TextChoices):
    CIN_CENSUS = "cin-census", "CIN census"
    SSDA903 = "ssda903", "SSDA903"


class RunSource(models.TextChoices):
    UPLOAD = "upload", "Uploaded"
    RECORDS = "records", "Written from the records"


class Change(models.TextChoices):
    """How a finding compares with the run before it of the same return."""

    NEW = "new", "New"
    STILL = "still", "Still there"
    FIXED = "fixed", "Fixed"


class ValidationRun(models.Model):
    kind = models.CharField(max_length=12, choices=ReturnKind.choices)
    year = models.CharField(max_length=7, help_text="The collection year, e.g. 2025-26")
    source = models.CharField(max_length=8, choices=RunSource.choices)
    files = models.JSONField(default=list, help_text="The names of the files checked")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    errors = models.PositiveIntegerField(default=0)
    queries = models.PositiveIntegerField(default=0)
    not_checked = models.PositiveIntegerField(default=0, help_text="Rules that failed to run")
    rules_in_year = models.PositiveIntegerField(default=0)
    rules_checked = models.PositiveIntegerField(default=0)
    rules_need_last_year = models.PositiveIntegerField(default=0)
    rules_need_la = models.PositiveIntegerField(
        default=0, help_text="Rules not checked because the LA's code is not set"
    )
    earlier = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The run of the same return this one was compared with",
    )  # fmt: skip
    compared = models.BooleanField(default=False, help_text="Compared with an earlier run")
    new = models.PositiveIntegerField(default=0)
    fixed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "year", "at"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}, {self.at:%Y-%m-%d %H:%M}"

    @property
    def rules_not_built(self) -> int:
        """Rules of the year not checked here at all (none for the CIN census)."""
        return max(
            self.rules_in_year - self.rules_checked - self.not_checked - self.rules_need_last_year
            - self.rules_need_la,
            0,
        )  # fmt: skip

    @property
    def found(self) -> int:
        """Findings of this run (each rule not checked is one), the fixed ones aside."""
        return self.errors + self.queries + self.not_checked

    @property
    def passes(self) -> bool:
        """No error and every rule run: what the DfE's validator needs to accept it."""
        return not self.errors and not self.not_checked

    def expires_at(self) -> datetime:
        return self.at + timedelta(days=settings.OVERSIGHT_VALIDATION_RUN_DAYS)


class RunFinding(models.Model):
    """One finding of a run, or (``change`` fixed) one of the earlier run's that is gone."""

    run = models.ForeignKey(ValidationRun, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(help_text="Its place in the validator's report")
    rule = models.CharField(max_length=20)
    kind = models.CharField(max_length=12, help_text="error, query or not checked")
    message = models.TextField()
    la_child_id = models.CharField(max_length=LONGEST_CHILD_ID, blank=True)
    fields = models.JSONField(default=list, help_text="[field, value] pairs")
    file = models.CharField(max_length=200, blank=True)
    line = models.PositiveIntegerField(null=True, blank=True)
    change = models.CharField(max_length=5, choices=Change.choices, blank=True)

    class Meta:
        ordering = ["run", "position"]
        indexes = [
            models.Index(fields=["run", "position"]),
            models.Index(fields=["run", "rule"]),
            models.Index(fields=["run", "la_child_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.kind} {self.la_child_id or 'whole return'}"

    @property
    def not_checked(self) -> bool:
        return self.kind == FAILURE

    @property
    def fields_text(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.fields)

    def as_finding(self) -> Finding:
        return Finding(
            self.rule, self.kind, self.message, self.la_child_id or None,
            tuple((str(name), str(value)) for name, value in self.fields), self.line,
            self.file or None,
        )  # fmt: skip

    @classmethod
    def of(cls, run: ValidationRun, position: int, found: Finding, change: str) -> RunFinding:
        return cls(
            run=run, position=position, rule=found.rule[:20], kind=found.kind,
            message=found.message, la_child_id=(found.child_id or "")[:LONGEST_CHILD_ID],
            fields=[list(pair) for pair in found.fields], file=(found.file or "")[:200],
            line=found.line if found.line and found.line > 0 else None, change=change,
        )  # fmt: skip
