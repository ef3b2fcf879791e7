"""A read census file regrouped child by child, for the importer.

The reader gives one table per part of the return; the importer works one child at a
time, so ``filed_children`` puts each child's rows back together: the child, their
disabilities, and each episode with its assessments (and factors), CIN plans, section
47 enquiries and child protection plans (and review dates). Every part keeps its line
in the file, so a record made from it can say where it came from.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from oversight.exchange.cin_census.read import CinData

Row = dict[str, Any]


@dataclass
class FiledAssessment:
    row: Row
    factors: list[Row] = field(default_factory=list)

    @property
    def factor_codes(self) -> list[str]:
        return [f["AssessmentFactors"] for f in self.factors if f["AssessmentFactors"]]


@dataclass
class FiledCpPlan:
    row: Row
    reviews: list[Row] = field(default_factory=list)


@dataclass
class FiledEpisode:
    row: Row
    assessments: list[FiledAssessment] = field(default_factory=list)
    cin_plans: list[Row] = field(default_factory=list)
    section47s: list[Row] = field(default_factory=list)
    cp_plans: list[FiledCpPlan] = field(default_factory=list)
    pre_proceedings: list[Row] = field(default_factory=list)


@dataclass
class FiledChild:
    """One ``<Child>`` of the file: ``position`` counts from 0 in file order."""

    position: int
    row: Row
    disabilities: list[Row] = field(default_factory=list)
    episodes: list[FiledEpisode] = field(default_factory=list)

    @property
    def la_child_id(self) -> str | None:
        return self.row.get("LAchildID")

    @property
    def line(self) -> int | None:
        return self.row.get("line")

    @property
    def disability_codes(self) -> list[str]:
        return [d["Disability"] for d in self.disabilities if d["Disability"]]


def filed_children(cin: CinData) -> list[FiledChild]:
    """Every child of the file, in file order, with their parts."""
    children = [FiledChild(row["child"], row) for row in cin.children.to_dicts()]
    for row in cin.disabilities.to_dicts():
        children[row["child"]].disabilities.append(row)
    episodes: dict[tuple[int, int], FiledEpisode] = {}
    for row in cin.episodes.to_dicts():
        episode = FiledEpisode(row)
        episodes[(row["child"], row["episode"])] = episode
        children[row["child"]].episodes.append(episode)
    _assessments(cin, episodes)
    _plans(cin, episodes)
    for row in cin.cin_plans.to_dicts():
        episodes[_episode_key(row)].cin_plans.append(row)
    for row in cin.section47.to_dicts():
        episodes[_episode_key(row)].section47s.append(row)
    for row in cin.pre_proceedings.to_dicts():
        episodes[_episode_key(row)].pre_proceedings.append(row)
    return children


def _episode_key(row: Row) -> tuple[int, int]:
    return row["child"], row["episode"]


def _assessments(cin: CinData, episodes: dict[tuple[int, int], FiledEpisode]) -> None:
    found: dict[tuple[int, int, int], FiledAssessment] = {}
    for row in cin.assessments.to_dicts():
        found[(*_episode_key(row), row["assessment"])] = assessment = FiledAssessment(row)
        episodes[_episode_key(row)].assessments.append(assessment)
    by_assessment: dict[tuple[int, int, int], list[Row]] = defaultdict(list)
    for row in cin.factors.to_dicts():
        by_assessment[(*_episode_key(row), row["assessment"])].append(row)
    for key, rows in by_assessment.items():
        found[key].factors = rows


def _plans(cin: CinData, episodes: dict[tuple[int, int], FiledEpisode]) -> None:
    found: dict[tuple[int, int, int], FiledCpPlan] = {}
    for row in cin.cp_plans.to_dicts():
        found[(*_episode_key(row), row["cp_plan"])] = plan = FiledCpPlan(row)
        episodes[_episode_key(row)].cp_plans.append(plan)
    for row in cin.reviews.to_dicts():
        found[(*_episode_key(row), row["cp_plan"])].reviews.append(row)
