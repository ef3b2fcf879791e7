"""Grade scales: the words each framework used, best grade first.

A grade is stored as a short key (``requires-improvement``) and shown with the label the
framework used ("requires improvement to be good"). Scales are compared only within
themselves: an APA 3 and a SIF "good" are different statements.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grade:
    key: str
    label: str


@dataclass(frozen=True)
class Scale:
    """An ordered list of grades, best first; the top ``good_or_better`` count as good."""

    key: str
    name: str
    grades: tuple[Grade, ...]
    good_or_better: int = 2

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(grade.key for grade in self.grades)

    def __contains__(self, key: object) -> bool:
        return key in self.keys

    def rank(self, key: str) -> int:
        """0 for the best grade, rising to the worst; ValueError for a grade not on it."""
        try:
            return self.keys.index(key)
        except ValueError:
            raise ValueError(f"{key!r} is not a grade on the {self.name} scale") from None

    def label(self, key: str) -> str:
        return self.grades[self.rank(key)].label

    @property
    def worst(self) -> str:
        return self.grades[-1].key

    def is_good_or_better(self, key: str) -> bool:
        return self.rank(key) < self.good_or_better

    def between(self, best: str, worst: str) -> frozenset[str]:
        """Every grade from ``best`` to ``worst`` inclusive."""
        return frozenset(self.keys[self.rank(best) : self.rank(worst) + 1])

    def worst_of(self, keys: list[str]) -> str:
        return max(keys, key=self.rank)

    def best_of(self, keys: list[str]) -> str:
        return min(keys, key=self.rank)


APA = Scale(
    "apa",
    "annual performance assessment",
    (
        Grade("4", "4: outstanding"),
        Grade("3", "3: good"),
        Grade("2", "2: adequate"),
        Grade("1", "1: inadequate"),
    ),
)

RATING = Scale(
    "rating",
    "children's services rating",
    (
        Grade("performs-excellently", "performs excellently"),
        Grade("performs-well", "performs well"),
        Grade("performs-adequately", "performs adequately"),
        Grade("performs-poorly", "performs poorly"),
    ),
)

ADEQUATE = Scale(
    "adequate",
    "outstanding to inadequate (with adequate)",
    (
        Grade("outstanding", "outstanding"),
        Grade("good", "good"),
        Grade("adequate", "adequate"),
        Grade("inadequate", "inadequate"),
    ),
)

REQUIRES_IMPROVEMENT = Scale(
    "requires-improvement",
    "outstanding to inadequate (with requires improvement)",
    (
        Grade("outstanding", "outstanding"),
        Grade("good", "good"),
        Grade("requires-improvement", "requires improvement to be good"),
        Grade("inadequate", "inadequate"),
    ),
)

SCALES = {scale.key: scale for scale in (APA, RATING, ADEQUATE, REQUIRES_IMPROVEMENT)}
