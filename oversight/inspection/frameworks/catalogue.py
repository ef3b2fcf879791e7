"""Every framework Ofsted has used to inspect LA children's services, as data.

The periods are the dates inspections *started* under each framework. An area's ``key``
is shared by frameworks where it means the same thing, so that the national picture can
read "the impact of leaders" across ILACS and the SIF's "leadership, management and
governance". Graded sub-judgements (the SIF's adoption and care leavers) are marked, and
the national picture leaves them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from oversight.inspection.frameworks.overall import Expectation, OverallRule
from oversight.inspection.frameworks.scales import (
    ADEQUATE,
    APA,
    RATING,
    REQUIRES_IMPROVEMENT,
    Scale,
)

# The kinds of inspection event; the graded ones can set an LA's standing.
KINDS = {
    "standard": "Standard inspection",
    "short": "Short inspection",
    "graded": "Graded inspection (standard or short not stated)",
    "focused-visit": "Focused visit",
    "monitoring-visit": "Monitoring visit",
    "jtai": "Joint targeted area inspection",
    "unannounced": "Unannounced inspection of contact, referral and assessment",
    "apa": "Annual performance assessment",
    "rating": "Children's services rating",
}

OVERALL = "overall"


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    sub_judgement: bool = False


@dataclass(frozen=True)
class Framework:
    key: str
    name: str
    start: date
    end: date | None
    kinds: tuple[str, ...]
    areas: tuple[Area, ...] = ()
    scale: Scale | None = None
    rule: OverallRule | None = None
    notes: str = ""
    area_names: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "area_names", {area.key: area.name for area in self.areas})

    @property
    def graded(self) -> bool:
        return self.scale is not None

    @property
    def has_overall(self) -> bool:
        return OVERALL in self.area_names

    def covers(self, kind: str, on: date) -> bool:
        return kind in self.kinds and self.start <= on and (self.end is None or on <= self.end)

    def area(self, key: str) -> Area:
        for area in self.areas:
            if area.key == key:
                return area
        raise KeyError(f"the {self.name} has no judgement {key!r}")

    def expected_overall(self, judgements: Mapping[str, str]) -> Expectation | None:
        """The default for the overall judgement from the others (None if no rule applies)."""
        if self.rule is None or self.scale is None or not self.has_overall:
            return None
        main = {area.key for area in self.areas if not area.sub_judgement} - {OVERALL}
        others = {area: grade for area, grade in judgements.items() if area in main}
        return self.rule.expect(others, self.scale, self.area_names)

    def overall_departure(self, judgements: Mapping[str, str]) -> str | None:
        """Why the recorded overall differs from the default, or None."""
        recorded = judgements.get(OVERALL)
        expectation = self.expected_overall(judgements)
        if recorded is None or expectation is None or self.scale is None:
            return None
        return expectation.departure(recorded, self.scale)


def _areas(*pairs: tuple[str, str]) -> tuple[Area, ...]:
    return tuple(Area(key, name) for key, name in pairs)


_ILACS_KINDS = ("standard", "short", "graded")
_ILACS_RULE = OverallRule(usually_limiting=("leaders",))
_LEADERS = ("leaders", "The impact of leaders on social work practice with children and families")
_HELP = (
    "help-and-protection",
    "The experiences and progress of children who need help and protection",
)

FRAMEWORKS: tuple[Framework, ...] = (
    Framework(
        "apa",
        "annual performance assessment",
        date(2005, 1, 1),
        date(2008, 12, 31),
        ("apa",),
        _areas(
            ("overall", "Overall effectiveness of children's services"),
            ("capacity-to-improve", "Capacity to improve"),
            ("be-healthy", "Being healthy"),
            ("stay-safe", "Staying safe"),
            ("enjoy-and-achieve", "Enjoying and achieving"),
            ("positive-contribution", "Making a positive contribution"),
            ("economic-wellbeing", "Achieving economic well-being"),
        ),
        APA,
        OverallRule(),
    ),
    Framework(
        "rating",
        "children's services rating",
        date(2009, 1, 1),
        date(2011, 12, 31),
        ("rating",),
        _areas(("overall", "Children's services rating")),
        RATING,
        notes="A single annual rating; there are no other judgements to derive it from.",
    ),
    Framework(
        "unannounced",
        "unannounced inspection of contact, referral and assessment",
        date(2009, 6, 1),
        date(2012, 5, 31),
        ("unannounced",),
        notes="Findings and areas for priority action; no grade.",
    ),
    Framework(
        "safeguarding-lac",
        "inspection of safeguarding and looked after children services",
        date(2009, 6, 1),
        date(2012, 5, 31),
        ("standard",),
        _areas(
            ("safeguarding", "Safeguarding: overall effectiveness"),
            ("safeguarding-capacity", "Safeguarding: capacity to improve"),
            ("looked-after", "Looked after children: overall effectiveness"),
            ("looked-after-capacity", "Looked after children: capacity to improve"),
        ),
        ADEQUATE,
        notes="Two overall judgements, one for safeguarding and one for looked after children.",
    ),
    Framework(
        "protection",
        "inspection of local authority arrangements for the protection of children",
        date(2012, 6, 1),
        date(2013, 10, 31),
        ("standard",),
        _areas(
            ("overall", "Overall effectiveness"),
            ("help-and-protection", "The effectiveness of the help and protection provided"),
            ("quality-of-practice", "The quality of practice"),
            ("leaders", "Leadership and governance"),
        ),
        ADEQUATE,
        OverallRule(),
    ),
    Framework(
        "sif",
        "single inspection framework",
        date(2013, 11, 1),
        date(2017, 12, 31),
        ("standard",),
        (
            Area("overall", "Overall effectiveness"),
            Area("help-and-protection", "Children who need help and protection"),
            Area("in-care", "Children looked after and achieving permanence"),
            Area("adoption", "Adoption performance", sub_judgement=True),
            Area("care-leavers", "Experiences and progress of care leavers", sub_judgement=True),
            Area("leaders", "Leadership, management and governance"),
            Area("lscb", "Review of the Local Safeguarding Children Board", sub_judgement=True),
        ),
        REQUIRES_IMPROVEMENT,
        OverallRule(limiting=("help-and-protection", "in-care"), usually_limiting=("leaders",)),
        notes="The LSCB review was a separate judgement and did not feed the overall.",
    ),
    Framework(
        "ilacs-2018",
        "inspection of local authority children's services (ILACS)",
        date(2018, 1, 1),
        date(2022, 12, 31),
        (*_ILACS_KINDS,),
        _areas(
            ("overall", "Overall effectiveness"),
            _LEADERS,
            _HELP,
            ("in-care", "The experiences and progress of children in care and care leavers"),
        ),
        REQUIRES_IMPROVEMENT,
        OverallRule(limiting=("help-and-protection", "in-care"), usually_limiting=("leaders",)),
    ),
    Framework(
        "ilacs-2023",
        "inspection of local authority children's services (ILACS), 2023 update",
        date(2023, 1, 1),
        date(2026, 3, 31),
        (*_ILACS_KINDS,),
        _areas(
            ("overall", "Overall effectiveness"),
            _LEADERS,
            _HELP,
            ("in-care", "The experiences and progress of children in care"),
            ("care-leavers", "The experiences and progress of care leavers"),
        ),
        REQUIRES_IMPROVEMENT,
        OverallRule(
            limiting=("help-and-protection", "in-care", "care-leavers"),
            usually_limiting=("leaders",),
        ),
    ),
    Framework(
        "ilacs-2026",
        "inspection of local authority children's services (ILACS), from April 2026",
        date(2026, 4, 1),
        None,
        (*_ILACS_KINDS,),
        _areas(
            _LEADERS,
            _HELP,
            ("in-care", "The experiences and progress of children in care"),
            ("care-leavers", "The experiences and progress of care leavers"),
        ),
        REQUIRES_IMPROVEMENT,
        notes="Ofsted no longer gives an overall effectiveness judgement.",
    ),
    Framework(
        "visit",
        "focused visits, monitoring visits and joint targeted area inspections",
        date(2009, 1, 1),
        None,
        ("focused-visit", "monitoring-visit", "jtai"),
        notes="Findings and areas for priority action; a visit never changes a grade.",
    ),
)

_BY_KEY = {framework.key: framework for framework in FRAMEWORKS}


def framework(key: str) -> Framework:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no framework {key!r}; known: {', '.join(_BY_KEY)}") from None


def framework_for(kind: str, on: date) -> Framework:
    """The framework an inspection of ``kind`` starting ``on`` was carried out under."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of inspection {kind!r}; known: {', '.join(KINDS)}")
    for candidate in FRAMEWORKS:
        if candidate.covers(kind, on):
            return candidate
    raise ValueError(f"no framework covers a {KINDS[kind].lower()} on {on.isoformat()}")
