"""The DfE code sets as values: look a set up by id, then check or describe its codes.

Each set lives in ``data/<id>.csv`` (``code,description``) and is listed, with its title
and source, in ``data/index.csv``; ``scripts/extract_codes.py`` writes both from the
published schemas. Sets are read on first use and kept. Codes are matched exactly, as
the returns spell them (``"N1"``, ``"RC8"``): callers that take free text normalise it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

DATA_PACKAGE = "oversight.codes"
INDEX_FILE = "index.csv"
EXAMPLES_IN_MESSAGES = 5


class UnknownCode(KeyError):
    """A code that is not in the code set it was looked up in."""

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownCodeSet(KeyError):
    """A code set id that the package does not know."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Code:
    """One code and the DfE's description of it."""

    code: str
    description: str

    @property
    def label(self) -> str:
        """A readable label such as ``"N1: Abuse or neglect"``."""
        if self.description == self.code:
            return self.code
        return f"{self.code}: {self.description}"


@dataclass(frozen=True)
class CodeSet:
    """A DfE code set: its id, a human title, its codes in the source's order, and source."""

    id: str
    title: str
    codes: tuple[Code, ...]
    source: str

    @cached_property
    def _by_code(self) -> Mapping[str, Code]:
        return {code.code: code for code in self.codes}

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    def describe(self, code: str) -> str:
        """The description of ``code``; ``UnknownCode`` if the set has no such code."""
        if code not in self:
            raise UnknownCode(self._unknown_code_message(code))
        return self._by_code[code].description

    def choices(self) -> list[tuple[str, str]]:
        """``(code, "code: description")`` pairs, for form and model field choices."""
        return [(code.code, code.label) for code in self.codes]

    def _unknown_code_message(self, code: str) -> str:
        examples = ", ".join(code.code for code in self.codes[:EXAMPLES_IN_MESSAGES])
        more = ", …" if len(self.codes) > EXAMPLES_IN_MESSAGES else ""
        return (
            f"{code!r} is not a code in {self.title} ({self.id}); "
            f"valid codes include {examples}{more} ({len(self.codes)} in all)"
        )


def _read_csv(name: str) -> list[dict[str, str]]:
    text = files(DATA_PACKAGE).joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def _index() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in _read_csv(INDEX_FILE)}


def all_code_sets() -> list[str]:
    """The ids of every code set, in the order of ``data/index.csv``."""
    return list(_index())


@cache
def code_set(set_id: str) -> CodeSet:
    """The code set with this id; ``UnknownCodeSet`` lists the known ids if there is none."""
    entry = _index().get(set_id)
    if entry is None:
        known = ", ".join(all_code_sets())
        raise UnknownCodeSet(f"No code set {set_id!r}; the known code sets are: {known}")
    rows = _read_csv(f"{set_id}.csv")
    codes = tuple(Code(row["code"], row["description"]) for row in rows)
    return CodeSet(set_id, entry["title"], codes, entry["source"])


def describe(set_id: str, code: str) -> str:
    """The description of ``code`` in the set ``set_id``."""
    return code_set(set_id).describe(code)


def is_valid(set_id: str, code: str) -> bool:
    """Whether ``code`` is in the set ``set_id`` (an unknown set is still an error)."""
    return code in code_set(set_id)
