"""The DfE's list of rules for a collection year: each rule's code, message and kind.

The lists are shipped as text, one rule per line, ``code<TAB>message``. A CIN census
message ends with ``(ERROR)`` or ``(QUERY)``; SSDA903 messages have no suffix and are
errors unless their code ends in ``Q``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files

from oversight.exchange.validation.findings import ERROR, QUERY

SUFFIXES = {"(ERROR)": ERROR, "(QUERY)": QUERY}


@dataclass(frozen=True)
class RuleInfo:
    code: str
    message: str
    kind: str  # ERROR or QUERY


@dataclass(frozen=True)
class Catalogue(Mapping[str, RuleInfo]):
    """The rules of one collection year, by code, in the order the DfE lists them."""

    name: str
    rules: tuple[RuleInfo, ...]

    def __getitem__(self, code: str) -> RuleInfo:
        for info in self.rules:
            if info.code == code:
                return info
        raise KeyError(f"{self.name} has no rule {code!r}")

    def __iter__(self) -> Iterator[str]:
        return (info.code for info in self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def parse_line(line: str) -> RuleInfo:
    code, _, message = line.partition("\t")
    message = message.strip()
    kind = QUERY if code.endswith("Q") else ERROR
    for suffix, named in SUFFIXES.items():
        if message.endswith(suffix):
            message, kind = message.removesuffix(suffix).rstrip(), named
    return RuleInfo(code.strip(), message, kind)


def read_catalogue(package: str, name: str) -> Catalogue:
    """The catalogue shipped as ``<package>/data/<name>``."""
    text = files(package).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    rules = tuple(parse_line(line) for line in text.splitlines() if line.strip())
    return Catalogue(name, rules)
