"""What the importers of the DfE returns share: why a child was held back, where a record
came from, and the values the records did not keep as given.

Every import records through the casework services; a child that cannot be recorded is
held back with a ``Problem`` (the rule, the field and its value, the file and line); a
value the records have no place for, or hold differently, is counted in ``Notes``, so
that nothing is dropped silently. Each record's ``origin`` names the return, the file
and the line it came from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

ORIGIN_LIMIT = 120  # the length of ``origin`` in the records
NOT_HELD = "the records have no place for it: not kept"
DIFFERENT = "differs from the records, which are kept as they are"


@dataclass(frozen=True)
class Problem:
    """Why a child was held back: the rule, the field and its value, where in the file."""

    child_id: str | None
    line: int | None
    rule: str
    field: str
    value: str
    message: str
    file: str | None = None  # given when the return is several files

    @property
    def where(self) -> str:
        place = f"line {self.line}" if self.line else "the file"
        return f"{self.file} {place}" if self.file else place

    def __str__(self) -> str:
        child = f"child {self.child_id}" if self.child_id else "a child with no id"
        return f"{child}, {self.where}: {self.rule} {self.field}={self.value!r}: {self.message}"


@dataclass
class Notes:
    """Values of the file the records do not keep as given: how many, why, a first example."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(
        self, name: str, why: str, child_id: str | None, line: int | None, file: str | None = None
    ) -> None:
        key = (name, why)
        self.counts[key] += 1
        where = " ".join(part for part in (file, f"line {line}" if line else "") if part)
        who = f"child {child_id}" if child_id else ""
        self.examples.setdefault(key, ", ".join(part for part in (who, where) if part))

    def lines(self) -> list[str]:
        """Each kind of value not kept: the item, how many, a first example, and why."""
        return [
            f"{name} ({count:,}, e.g. {self.examples[(name, why)]}): {why}"
            for (name, why), count in sorted(self.counts.items())
        ]


def counted(created: Counter[str], kinds: dict[str, tuple[str, str]]) -> str:
    """ "1 child, 2 care episodes, ...": each kind's count, in the order of ``kinds`` (each
    kind with its name for one and for more)."""
    return ", ".join(
        f"{created[kind]:,} {one if created[kind] == 1 else many}"
        for kind, (one, many) in kinds.items()
    )


def origin(source: str, file: str, line: int | None) -> str:
    """``<source> <file> line <n>``, the file name shortened to fit the records."""
    where = f" line {line}" if line else ""
    room = ORIGIN_LIMIT - len(source) - 1 - len(where)
    name = file if len(file) <= room else file[: room - 1] + "…"
    return f"{source} {name}{where}"
