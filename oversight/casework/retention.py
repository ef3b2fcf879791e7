"""How long a child's records are kept, and erasing a child whose time has passed.

The schedule is data (``SCHEDULE``): each rule says which children it covers, until which
birthday their records are kept, for how many years at least after the last thing
recorded (a contact, a visit, a closure), and where the rule comes from. A child is due
for erasure when the first rule that covers them says so; a child with an open case (an
allocation, plan, care or early help episode without an end) is never due. A child
with no date of birth (nor expected one) is kept: the rule cannot be applied.

Erasure removes the child and every record about them, in one transaction per child, so
a failure leaves that child whole. A record elsewhere that still refers to one of the
child's records (an audit, a dip sample) stops the erasure of that child, who is then
reported as kept; a person decides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db import models, transaction
from django.db.models import Max, ProtectedError

from oversight.casework.models import Allocation, CareEpisode, Child, EarlyHelpEpisode, Plan
from oversight.casework.signals import announce_change


@dataclass(frozen=True)
class RetentionRule:
    reason: str
    covers: str  # "looked-after" (ever in care) or "other"
    until_birthday: int
    years_after_last_record: int
    source: str


SCHEDULE = (
    RetentionRule(
        reason="looked after: past the 75th birthday",
        covers="looked-after",
        until_birthday=75,
        years_after_last_record=0,
        source="The Care Planning, Placement and Case Review (England) Regulations 2010, "
        "regulation 50: a looked-after child's case record is kept until the 75th "
        "anniversary of the child's birth.",
    ),
    RetentionRule(
        reason="other children: past the 25th birthday and 6 years after the last record",
        covers="other",
        until_birthday=25,
        years_after_last_record=6,
        source="Common local authority practice for children in need and child protection "
        "records (the IRMS retention guidelines for local authorities): until the 25th "
        "birthday, and no sooner than 6 years after the last contact or closure. The LA's "
        "records manager confirms its own schedule before the first erasure.",
    ),
)

# A case is open while one of these has no end date.
OPEN_WHEN_UNSET: tuple[tuple[type[models.Model], str], ...] = (
    (Allocation, "end_on"),
    (Plan, "end_on"),
    (CareEpisode, "ended_on"),
    (EarlyHelpEpisode, "ended_on"),
)
OPEN_CASE = "kept: open case"
NO_BIRTHDAY = "kept: no date of birth"
STILL_REFERRED_TO = "kept: other records refer to it"


@dataclass(frozen=True)
class Facts:
    """What the schedule needs to know about one child."""

    child_id: int
    born: date | None
    looked_after: bool
    last_record: date | None
    open_case: bool


@dataclass
class Outcome:
    """Counts only: which children were (or would be) erased, by reason; never who."""

    as_at: date
    dry_run: bool
    due: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)
    erased: Counter[str] = field(default_factory=Counter)
    records_erased: int = 0

    def summary(self) -> str:
        verb = "would erase" if self.dry_run else "erased"
        done = self.due if self.dry_run else self.erased
        lines = [f"Retention as at {self.as_at}: {verb} {sum(done.values())} children."]
        lines += [f"  {count} {reason}" for reason, count in sorted(done.items())]
        if not self.dry_run:
            lines.append(f"  {self.records_erased} records in all, with the children.")
        lines += [f"  {count} {reason}" for reason, count in sorted(self.kept.items())]
        return "\n".join(lines)


def birthday(born: date, years: int) -> date:
    """The ``years``th birthday; 29 February falls on 1 March in a year without one."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return date(born.year + years, 3, 1)


def rule_for(facts: Facts) -> RetentionRule:
    wanted = "looked-after" if facts.looked_after else "other"
    return next(rule for rule in SCHEDULE if rule.covers == wanted)


def keep_until(facts: Facts) -> date | None:
    """The first day the child's records may be erased; None: not while the case is open."""
    if facts.open_case or facts.born is None:
        return None
    rule = rule_for(facts)
    ends = birthday(facts.born, rule.until_birthday)
    if facts.last_record is not None and rule.years_after_last_record:
        ends = max(ends, birthday(facts.last_record, rule.years_after_last_record))
    return ends


def verdict(facts: Facts, as_at: date) -> tuple[bool, str]:
    """(due for erasure, why)."""
    if facts.open_case:
        return False, OPEN_CASE
    if facts.born is None:
        return False, NO_BIRTHDAY
    until = keep_until(facts)
    if until is not None and until <= as_at:
        return True, rule_for(facts).reason
    return False, "kept: within the retention period"


def facts_of_children(children: Iterable[Child]) -> list[Facts]:
    children = list(children)
    ids = [c.pk for c in children]
    in_care = set(CareEpisode.objects.filter(child_id__in=ids).values_list("child_id", flat=True))
    open_ids: set[int] = set()
    for model, end in OPEN_WHEN_UNSET:
        found = model.objects.filter(child_id__in=ids, **{f"{end}__isnull": True})
        open_ids |= set(found.values_list("child_id", flat=True))
    last = _last_records(ids)
    return [
        Facts(
            c.pk,
            c.date_of_birth or c.expected_date_of_birth,
            c.pk in in_care,
            last.get(c.pk),
            c.pk in open_ids,
        )  # fmt: skip
        for c in children
    ]


def _last_records(ids: list[int]) -> dict[int, date]:
    """The latest date on any of each child's records (a due date too: it errs to keeping)."""
    latest: dict[int, date] = {}
    for relation in Child._meta.related_objects:
        model = relation.related_model
        dates = [f.name for f in model._meta.concrete_fields if _is_date(f)]
        if not dates or relation.many_to_many:
            continue
        key = relation.field.name
        rows = model.objects.filter(**{f"{key}__in": ids}).values(key)
        for row in rows.annotate(**{f"last_{d}": Max(d) for d in dates}):
            found = [v for k, v in row.items() if k.startswith("last_") and v is not None]
            if found:
                child_id = row[key]
                latest[child_id] = max([*found, latest.get(child_id, found[0])])
    return latest


def _is_date(field: models.Field) -> bool:
    return isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)


def apply_schedule(
    as_at: date, *, dry_run: bool, batch: int = 500, say: Callable[[str], None] = lambda _: None
) -> Outcome:
    """Erase (or, in a dry run, count) every child whose records are past the schedule."""
    outcome = Outcome(as_at=as_at, dry_run=dry_run)
    ids = list(Child.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        children = Child.objects.filter(pk__in=ids[start : start + batch])
        for facts in facts_of_children(children):
            due, why = verdict(facts, as_at)
            if not due:
                outcome.kept[why] += 1
                continue
            outcome.due[why] += 1
            if dry_run:
                continue
            erased = erase_child(facts.child_id)
            if erased is None:
                outcome.kept[STILL_REFERRED_TO] += 1
            else:
                outcome.erased[why] += 1
                outcome.records_erased += erased
        say(f"{min(start + batch, len(ids))} of {len(ids)} children looked at")
    return outcome


def erase_child(child_id: int) -> int | None:
    """Delete the child and every record about them; the number of rows, or None if kept.

    Records that point at the child and protect themselves from deletion (an escalation
    about the child) are the child's records too, and go first.
    """
    try:
        with transaction.atomic():
            removed = 0
            for relation in Child._meta.related_objects:
                if relation.on_delete is models.PROTECT:
                    found = relation.related_model.objects.filter(**{relation.field.name: child_id})
                    removed += found.delete()[0]
            removed += Child.objects.filter(pk=child_id).delete()[0]
            announce_change()  # the indicators are refreshed without the child
            return removed
    except ProtectedError:
        return None
