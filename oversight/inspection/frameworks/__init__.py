"""Ofsted's frameworks for inspecting LA children's services, as data (pure Python).

Each framework has its judgement areas, its grade scale and its default rule for the
overall judgement; ``framework_for(kind, on)`` tells which applied to an inspection.
"""

from oversight.inspection.frameworks.catalogue import (
    FRAMEWORKS,
    KINDS,
    OVERALL,
    Area,
    Framework,
    framework,
    framework_for,
)
from oversight.inspection.frameworks.overall import Expectation, OverallRule
from oversight.inspection.frameworks.scales import SCALES, Grade, Scale

__all__ = [
    "FRAMEWORKS",
    "KINDS",
    "OVERALL",
    "SCALES",
    "Area",
    "Expectation",
    "Framework",
    "Grade",
    "OverallRule",
    "Scale",
    "framework",
    "framework_for",
]
