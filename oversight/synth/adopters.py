"""Prospective adopters: the households that come to the LA's adoption agency, each planned
from its enquiry through the two stages of assessment to approval, or until it leaves.

Enquiries arrive at a rate that scales with the LA's child population, so that about
``ADOPTER_APPROVALS_PER_10K`` households are approved a year; most enquiries go no
further (``ENQUIRIES_TO_APPLICATION``). A household is one adopter or a couple, in the
shares of the adopters children are matched with (``adoption.ADOPTERS``); its legal
status (a married couple, civil partners, single ...) is drawn once, so that every match
with it says the same.

The steps keep the timescales of the two-stage process that statutory guidance has set
since 2013: stage 1 in about two months, a break of up to six months between the stages
for those who want one, stage 2 in about four months ending at the adoption panel, and
the agency decision maker's decision a few working days after the panel. The application
is made as stage 2 begins. Some households leave at each stage, withdrawing or putting
the process on hold; some are refused after the panel. The shares are stated
assumptions. An approved household that is not matched within a year or two puts its
plans on hold or withdraws; ``matching`` decides which are matched.

Each household draws from a stream of its own, and the plan is pure: nothing here is
recorded.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from oversight.synth.adoption import ADOPTERS, ADOPTERS_LEGAL_STATUS
from oversight.synth.draws import Weights
from oversight.synth.people import ETHNICITIES, SURNAMES, adult_first_name
from oversight.synth.rates import ADOPTER_APPROVALS_PER_10K, ENQUIRIES_TO_APPLICATION
from oversight.synth.world import next_wd, wd

# Of households in stage 1, those who go on to stage 2 (and apply); of those, the approved.
STAGE_2_SHARE = 0.8
APPROVED_SHARE = 0.9
STAGE_1_SHARE = ENQUIRIES_TO_APPLICATION / STAGE_2_SHARE  # of enquiries
ENQUIRIES_PER_10K = ADOPTER_APPROVALS_PER_10K / (ENQUIRIES_TO_APPLICATION * APPROVED_SHARE)
FOSTERING_FOR_ADOPTION_SHARE = 0.25  # of approved households
# How long each part takes, in days: (share, fewest, most).
Span = tuple[tuple[float, int, int], ...]
NO_FURTHER = ((1.0, 7, 90),)  # from the enquiry, until those who go no further say so
TO_STAGE_1 = ((1.0, 14, 70),)  # information, a first visit, the registration of interest
STAGE_1 = ((0.8, 50, 70), (0.2, 71, 130))  # about two months; some take longer
BREAK = ((0.6, 1, 14), (0.3, 15, 90), (0.1, 91, 180))  # up to six months between stages
STAGE_2 = ((0.75, 100, 125), (0.25, 126, 240))  # about four months, to the panel
WAITING = ((1.0, 270, 900),)  # approved and not matched: how long until it gives up
# The sexes (DfE codes) of the people in a household, by the SSDA903 adopters' sex code.
SEXES = {"MF": ("2", "1"), "FF": ("2", "2"), "MM": ("1", "1"), "F1": ("2",), "M1": ("1",)}
SAME_SURNAME = 0.6  # of couples
SAME_ETHNICITY = 0.75  # of couples
DISABLED_SHARE = 0.04
# Why households leave (Annex A list 11: 1 withdrew, 2 on hold, 3 refused), by stage.
REFUSED = "3"
LEAVING = {
    "enquiry": Weights({"1": 85, "2": 15}),
    "stage 1": Weights({"1": 70, "2": 30}),
    "stage 2": Weights({"1": 45, "2": 25, REFUSED: 30}),
    "waiting": Weights({"1": 40, "2": 60}),
}


@dataclass(frozen=True, slots=True)
class Adult:
    first_name: str
    last_name: str
    sex: str  # DfE sex code
    ethnicity: str  # DfE ethnicity code
    disabled: bool


@dataclass(frozen=True, slots=True)
class Household:
    """One household's plan: its people, and its steps as they would come unmatched."""

    index: int  # enquiry order among every household simulated: the key to its stream
    sex: str  # the SSDA903 adopters' sex code (SEX_ADOPTR) of its people
    legal_status: str  # the SSDA903 adopters' legal status (LS_ADOPTR) a match records
    people: tuple[Adult, ...]
    steps: dict[str, date]  # each step reached, by its name in ``models.adopters.STEPS``
    fostering_for_adoption: bool
    left: tuple[date, str] | None  # left before approval: the day and the reason
    gives_up: tuple[date, str] | None  # approved: leaves then unless matched before

    @property
    def approved_on(self) -> date | None:
        return self.steps.get("approved_on")

    def waiting_on(self, day: date) -> bool:
        """Approved by ``day`` and not yet given up."""
        approved, gives_up = self.approved_on, self.gives_up
        return approved is not None and approved <= day and (gives_up is None or day <= gives_up[0])

    def leaving(self, matched: bool) -> tuple[date, str] | None:
        """When and why the household leaves the process, if it does: one matched with a
        child stays."""
        if self.left is not None:
            return self.left
        return None if matched else self.gives_up


def plan_households(
    rng: random.Random, streams: Callable[[int], random.Random], population: int,
    start: date, today: date,
) -> list[Household]:  # fmt: skip
    """Every household whose enquiry came from ``start`` to ``today``, in date order, each
    planned from its own stream, ``streams(index)``."""
    days = (today - start).days + 1
    count = round(population / 10_000 * ENQUIRIES_PER_10K * days / 365.25)
    enquiries = sorted(start + timedelta(days=rng.randrange(days)) for _ in range(count))
    return [
        _household(streams(index), index, min(next_wd(day), today))
        for index, day in enumerate(enquiries)
    ]


def _household(rng: random.Random, index: int, enquiry: date) -> Household:
    sex = ADOPTERS.draw(rng)
    legal_status = ADOPTERS_LEGAL_STATUS[sex].draw(rng)
    people = _people(rng, sex)
    steps, left = _steps(rng, enquiry)
    approved = steps.get("approved_on")
    fostering = approved is not None and rng.random() < FOSTERING_FOR_ADOPTION_SHARE
    gives_up = None
    if approved is not None:
        gives_up = (_after(rng, approved, WAITING), LEAVING["waiting"].draw(rng))
    return Household(index, sex, legal_status, people, steps, fostering, left, gives_up)


def _steps(rng: random.Random, enquiry: date) -> tuple[dict[str, date], tuple[date, str] | None]:
    """The steps the household reaches, and when and why it leaves before approval."""
    steps = {"enquiry_on": enquiry}
    if rng.random() >= STAGE_1_SHARE:
        return steps, (_after(rng, enquiry, NO_FURTHER), LEAVING["enquiry"].draw(rng))
    started = steps["stage1_started_on"] = _after(rng, enquiry, TO_STAGE_1)
    ended = _after(rng, started, STAGE_1)
    if rng.random() >= STAGE_2_SHARE:
        return steps, (_between(rng, started, ended), LEAVING["stage 1"].draw(rng))
    steps["stage1_ended_on"] = ended
    started = steps["stage2_started_on"] = _after(rng, ended, BREAK)
    applied = steps["applied_on"] = wd(started, rng.randint(0, 5))
    panel = _after(rng, started, STAGE_2)
    decided = wd(panel, rng.randint(3, 10))
    if rng.random() >= APPROVED_SHARE:
        reason = LEAVING["stage 2"].draw(rng)
        if reason == REFUSED:  # the panel was held; the decision maker refused
            steps["stage2_ended_on"] = panel
            return steps, (decided, reason)
        return steps, (_between(rng, applied, panel), reason)
    steps["stage2_ended_on"], steps["approved_on"] = panel, decided
    return steps, None


def _people(rng: random.Random, sex: str) -> tuple[Adult, ...]:
    sexes = SEXES[sex]
    if len(sexes) == 2 and rng.random() < 0.5:
        sexes = sexes[::-1]
    surname, ethnicity, names = rng.choice(SURNAMES), ETHNICITIES.draw(rng), []
    people = []
    for person_sex in sexes:
        if people:  # the partner
            surname = surname if rng.random() < SAME_SURNAME else rng.choice(SURNAMES)
            ethnicity = ethnicity if rng.random() < SAME_ETHNICITY else ETHNICITIES.draw(rng)
        name = adult_first_name(rng, person_sex)
        while name in names:  # two people of one first name would be hard to tell apart
            name = adult_first_name(rng, person_sex)
        names.append(name)
        disabled = rng.random() < DISABLED_SHARE
        people.append(Adult(name, surname, person_sex, ethnicity, disabled))
    return tuple(people)


def _after(rng: random.Random, day: date, spans: Span) -> date:
    """The working day some days after ``day``, the number drawn from ``spans``."""
    roll, chosen = rng.random(), spans[-1]
    for span in spans:
        if roll < span[0]:
            chosen = span
            break
        roll -= span[0]
    _, fewest, most = chosen
    return next_wd(day + timedelta(days=rng.randint(fewest, most)))


def _between(rng: random.Random, first: date, last: date) -> date:
    """A working day after ``first``, about up to ``last``."""
    return next_wd(first + timedelta(days=rng.randint(1, max(1, (last - first).days))))
