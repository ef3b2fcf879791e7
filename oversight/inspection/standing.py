"""An LA's standing on a date, and the national picture: pure functions over outcomes.

- An LA's standing is its latest *graded* inspection known by that date (published, or
  ended where the publication date is missing); visits never change a grade.
- Each judgement is read from that inspection only: an LA whose latest inspection had
  no care leavers judgement has none, rather than an older one.
- The findings still current are those of the standing inspection and of every visit
  or unannounced inspection after it: a full inspection supersedes earlier findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from oversight.inspection.frameworks import OVERALL, framework

JUDGEMENTS = {
    "overall": "Overall effectiveness",
    "leaders": "Impact of leaders",
    "help-and-protection": "Help and protection",
    "in-care": "Children in care",
    "care-leavers": "Care leavers",
}
GOOD_OR_BETTER = ("outstanding", "good")
FOUR_GRADES = ("outstanding", "good", "requires-improvement", "inadequate")


@dataclass(frozen=True)
class Outcome:
    """What the standing needs to know of one inspection."""

    la: str
    framework: str
    kind: str
    known_on: date
    judgements: Mapping[str, str] = field(default_factory=dict)
    ended: date | None = None
    ref: object = None

    def counts_on(self, on: date, published_by: date | None = None) -> bool:
        """Known on ``on``; or, the way Ofsted counts, over by ``on`` and published by then."""
        if published_by is None:
            return self.known_on <= on
        return (self.ended or self.known_on) <= on and self.known_on <= published_by

    @property
    def graded(self) -> bool:
        # Graded even when its grades could not be read: it still supersedes older ones.
        return framework(self.framework).graded


def standing(
    outcomes: Iterable[Outcome], on: date, published_by: date | None = None
) -> Outcome | None:
    """The latest graded outcome known on ``on`` (ties: the later in the input)."""
    latest: Outcome | None = None
    for outcome in outcomes:
        later = latest is None or outcome.known_on >= latest.known_on
        if outcome.graded and later and outcome.counts_on(on, published_by):
            latest = outcome
    return latest


def current(outcomes: Iterable[Outcome], on: date) -> list[Outcome]:
    """The standing outcome and every ungraded one after it: the findings still open."""
    known = sorted((o for o in outcomes if o.known_on <= on), key=lambda o: o.known_on)
    graded = standing(known, on)
    if graded is None:
        return known
    return [graded] + [o for o in known if not o.graded and o.known_on > graded.known_on]


@dataclass(frozen=True)
class Authority:
    key: str
    name: str
    region: str
    established: date | None = None
    abolished: date | None = None

    def existed_on(self, day: date) -> bool:
        started = self.established is None or self.established <= day
        return started and (self.abolished is None or day < self.abolished)


@dataclass(frozen=True)
class Tally:
    """How many LAs hold each grade for one judgement, and the share good or better."""

    counts: Mapping[str, int]
    not_graded: int

    @property
    def graded(self) -> int:
        return sum(self.counts.values())

    @property
    def good_or_better(self) -> int:
        return sum(self.counts.get(grade, 0) for grade in GOOD_OR_BETTER)

    @property
    def share_good_or_better(self) -> float | None:
        return self.good_or_better / self.graded if self.graded else None


@dataclass(frozen=True)
class Picture:
    on: date
    judgement: str
    authorities: int
    tally: Tally
    regions: Mapping[str, Tally]
    grades: Mapping[str, str | None]  # LA key -> its grade for the judgement (None: none)
    reasons: Mapping[str, str]  # LA key -> why it has no grade

    def with_grade(self, grade: str) -> list[str]:
        return sorted(key for key, held in self.grades.items() if held == grade)


def grade_for(outcome: Outcome | None, judgement: str) -> tuple[str | None, str]:
    """The grade an outcome gives for a judgement, or None and why not."""
    if outcome is None:
        return None, "no graded inspection known by then"
    held = framework(outcome.framework)
    if judgement not in held.area_names or held.area(judgement).sub_judgement:
        if judgement == OVERALL and outcome.framework == "ilacs-2026":
            return None, "inspected under the 2026 framework, which has no overall judgement"
        return None, f"the {held.name} had no such judgement"
    grade = outcome.judgements.get(judgement)
    if grade is None:
        return None, "not known: the source gives no readable grade"
    if grade not in FOUR_GRADES:
        return None, f"graded {grade!r} on the {held.scale.name if held.scale else ''} scale"
    return grade, ""


def picture(
    authorities: Sequence[Authority],
    outcomes: Iterable[Outcome],
    on: date,
    judgement: str = OVERALL,
    published_by: date | None = None,
) -> Picture:
    """Every LA in existence on ``on``, by its grade for ``judgement``, nationally and by region."""
    if judgement not in JUDGEMENTS:
        raise ValueError(f"unknown judgement {judgement!r}; choose one of {', '.join(JUDGEMENTS)}")
    by_la: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_la.setdefault(outcome.la, []).append(outcome)
    grades: dict[str, str | None] = {}
    reasons: dict[str, str] = {}
    region_of: dict[str, str] = {}
    for authority in authorities:
        if not authority.existed_on(on):
            continue
        held = standing(by_la.get(authority.key, ()), on, published_by)
        grade, why = grade_for(held, judgement)
        grades[authority.key] = grade
        region_of[authority.key] = authority.region
        if grade is None:
            reasons[authority.key] = why
    regions = {
        region: _tally([grades[key] for key in grades if region_of[key] == region])
        for region in sorted(set(region_of.values()))
    }
    return Picture(
        on, judgement, len(grades), _tally(list(grades.values())), regions, grades, reasons
    )


def _tally(grades: list[str | None]) -> Tally:
    counted = Counter(grade for grade in grades if grade is not None)
    return Tally(
        {grade: counted.get(grade, 0) for grade in FOUR_GRADES}, sum(1 for g in grades if g is None)
    )


@dataclass(frozen=True)
class Change:
    la: str
    before: str | None
    after: str | None


def changes(earlier: Picture, later: Picture) -> list[Change]:
    """The LAs whose grade for the judgement differs between two pictures."""
    keys = sorted(set(earlier.grades) | set(later.grades))
    found = (Change(key, earlier.grades.get(key), later.grades.get(key)) for key in keys)
    return [change for change in found if change.before != change.after]
