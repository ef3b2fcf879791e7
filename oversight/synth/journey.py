"""Planning one child's journey: every decision and its date, before anything is recorded.

A plan is a list of ``Step``s in date order (contact, decisions, assessments, strategy
discussions, conferences, plans, care, leaving care, closure). The planner is a pure
function of the child, the world and the child's own random stream, so a journey can
be planned once to learn its allocations (for caseloads) and again to record it,
without keeping every step of every child in memory. Recurring work inside a plan
(visits, reviews, oversight) is added while recording (``routines``).
"""

import random
from datetime import date
from typing import Any, NamedTuple

from oversight.synth.care import CarePlanner
from oversight.synth.draws import Weights
from oversight.synth.people import ChildProfile
from oversight.synth.rates import (
    ASSESSMENT_FACTOR_WEIGHTS,
    CATEGORY_OF_ABUSE_WEIGHTS,
    FACTORS_PER_ASSESSMENT,
)
from oversight.synth.world import World, next_wd, wd, wd_before
from oversight.timescales import add_months

# Front-door decisions, with the national shape: few no further action (REFERRAL_NFA_SHARE).
DECISIONS = Weights({"assessment": 62, "strategy": 27.5, "nfa": 6.5, "early_help": 4})
ASSESSMENT_OUTCOMES = Weights({"nfa": 42, "early_help": 15, "cin_plan": 26, "strategy": 17})
CATEGORIES_OF_NEED = {"N1": 45, "N5": 15, "N4": 10, "N2": 8, "N3": 6, "N8": 5, "N6": 4, "N7": 1}
NEEDS = Weights(CATEGORIES_OF_NEED | {"N9": 2})
# A child an assessment finds in need has a category of need (N1 to N8), not "case other
# than a child in need" (N9): the SSDA903's CIN field has no N9 (rule 145).
IN_NEED = Weights(CATEGORIES_OF_NEED)
# Referral sources: police, schools and health first, as in the CIN census.
SOURCES = Weights({
    "6": 29, "2A": 20, "2B": 3, "3A": 3, "3B": 3, "3D": 6, "3E": 3, "5A": 4, "5B": 3, "5C": 2,
    "5D": 4, "1A": 5, "1B": 1, "1C": 1, "1D": 1, "4": 2, "7": 3, "8": 4, "9": 2, "10": 1,
})  # fmt: skip
FACTORS = Weights(ASSESSMENT_FACTOR_WEIGHTS)
FACTOR_COUNTS = Weights({str(count): w for count, w in FACTORS_PER_ASSESSMENT.items()})
CATEGORIES = Weights(CATEGORY_OF_ABUSE_WEIGHTS)
CONTACT_OUTCOMES = ("advice", "early_help", "nfa", "early_help", "advice")
# How early help ends (assumptions: early help is in no national return). Stepping up
# makes a referral, which the journey's own contacts and referrals already give.
EARLY_HELP_DECLINED = 0.1
EARLY_HELP_ENDS = Weights({"needs_met": 85, "moved": 5, "declined": 10})
# CP plans end at their first, second, ... review conference (CP_DURATION_AT_31_MARCH).
REVIEWS_UNTIL_END = Weights({"1": 20, "2": 47, "3": 22, "4": 9, "5": 2})


class Step(NamedTuple):
    on: date
    kind: str
    detail: dict[str, Any]


class JourneyPlanner:
    """Plans the journey of one child from the first contact to ``world.today``."""

    def __init__(
        self, rng: random.Random, child: ChildProfile, world: World,
        reasons_rng: random.Random | None = None,
    ) -> None:  # fmt: skip
        self.rng, self.child, self.world = rng, child, world
        # Why a child moved placement draws from its own stream, so giving the reasons
        # leaves every other step of the journey as it was.
        self.reasons_rng = reasons_rng or random.Random(f"reasons/{child.index}")
        self.steps: list[Step] = []
        self.later: list[Step] = []  # planned steps after today, once the journey is planned
        self.team: str | None = None  # the team the child is allocated to
        self.plan: str | None = None  # the open CIN or CP plan
        self.referral_on: date | None = None
        self.assessment_until: date | None = None  # an assessment still to complete
        self.known = False  # the child has been referred before
        self.assessed = False  # this referral's assessment has started
        # The early help under way: its start, assessment, end and why (``_early_help``).
        self.early_help: tuple[date, date | None, date, str] | None = None
        self.adult = child.birthday(18)
        self.care = CarePlanner(self)

    def plan_journey(self) -> list[Step]:
        arrival: date | None = self.child.arrival
        while arrival is not None and arrival <= self.world.today:
            arrival = self._episode(arrival)
        self._end_early_help()
        # Phases interleave (an assessment completes after the conference): sort by
        # date, keeping the planned order within a day.
        steps = sorted(self.steps, key=lambda step: step.on)
        self.later = [step for step in steps if step.on > self.world.today]
        return [step for step in steps if step.on <= self.world.today]

    # Helpers used by the phases ------------------------------------------------------

    def add(self, on: date, kind: str, /, **detail: Any) -> None:
        self.steps.append(Step(on, kind, detail))

    def team_for(self, kind: str) -> str:
        return self.world.layout.team_for(kind, self.child.locality, self.child.slot)

    def allocate(self, on: date, team: str, change_reason: str | None = None) -> None:
        """A new team (and so a new worker); why the worker changed is, unless given, a
        first contact or re-referral when no work was open, else a transfer between teams
        as the process is."""
        if team != self.team:
            reason = change_reason or ("FCONTA" if self.team is None else "TSPROC")
            self.add(on, "allocate", team=team, change_reason=reason)
            self.team = team

    def end_plan(self, on: date, reason: str) -> None:
        if self.plan is not None:
            self.add(on, "end_plan", kind=self.plan, reason=reason)
            self.plan = None

    def close(self, on: date, reason: str) -> tuple[None, date]:
        """Close the CIN episode (after any assessment still running); work stops."""
        on = max(on, self.assessment_until or on)
        self.end_plan(on, "Case closed")
        self.add(on, "close", reason=reason)
        self.team, self.assessment_until = None, None
        return None, on

    def pick(self, weights: Weights) -> str:
        return weights.draw(self.rng)

    # The front door -----------------------------------------------------------------

    def _episode(self, on: date) -> date | None:
        """One contact and, if it becomes a referral, the CIN episode it opens."""
        if on >= self.adult:
            return None
        front_door = self.team_for("front_door")
        practice = self.world.practice(front_door)
        referred = self.child.uasc or self.rng.random() < (0.6 if self.known else 0.45)
        if referred:
            self.allocate(on, front_door)
        source = self.rng.choice(("5C", "6", "7")) if self.child.uasc else self.pick(SOURCES)
        self.add(on, "contact", source=source, team=front_door)
        decided = wd(on, practice.contact_decision(self.rng))
        if not referred:
            self.add(decided, "decide_contact", outcome=self.rng.choice(CONTACT_OUTCOMES))
            return self._another_contact(decided)
        self.add(decided, "decide_contact", outcome="referral")
        self.referral_on, self.known = decided, True
        return self._referral(wd(decided, practice.referral_decision(self.rng)))

    def _referral(self, decided: date) -> date | None:
        """The front-door decision on a referral, and the episode that follows it."""
        decision = "assessment" if self.child.uasc else self.pick(DECISIONS)
        need = {"nfa": "N9", "strategy": "N1"}.get(decision) or self.pick(NEEDS)
        if self.child.uasc:
            need = "N8"
        if decided >= self.adult:  # referred at 17, decided at 18: children's services end
            decision, need = "nfa", "N9"
        self._end_early_help(until=decided)
        self.add(decided, "decide_referral", decision=decision, need=need)
        self.assessed = decision == "assessment"  # the service starts it with the decision
        if decision in ("nfa", "early_help"):
            self.team = None  # the service closes the episode
            if decision == "early_help":  # and opens the early help it stepped down to
                self._early_help(decided)
            return self._re_referral(decided)
        phase: str | None = "uasc" if self.child.uasc else decision
        on: date | None = decided
        while phase is not None and on is not None:
            if on >= self.adult:  # children's services end at 18
                self.plan = "cp" if phase == "cp" else self.plan
                phase, on = self.close(on, "RC7")
                break
            phase, on = getattr(self, f"_{phase}")(on)
        return self._re_referral(on) if on is not None else None

    def _early_help(self, started: date) -> None:
        """The early help a referral stepped down to: its assessment, and its end.

        No national figures describe early help (it is in no statutory return), so these
        are assumptions: most families agree to an assessment, done in two to six weeks;
        the help lasts three to nine months and mostly ends with the needs met. Drawn
        from a stream of its own, so every other step of the journey is as it was."""
        rng = random.Random(f"early-help/{self.child.index}/{started.toordinal()}")
        declined = rng.random() < EARLY_HELP_DECLINED
        assessed = None if declined else wd(started, rng.randint(10, 30))
        months = rng.randint(1, 3) if declined else rng.randint(3, 9)
        reason = "declined" if declined else EARLY_HELP_ENDS.draw(rng)
        self.early_help = (started, assessed, next_wd(add_months(started, months)), reason)

    def _end_early_help(self, until: date | None = None) -> None:
        """The steps of the early help under way: a referral decided ``until`` it ends it,
        stepped up (and, stepped down again, a new episode begins)."""
        if self.early_help is None:
            return
        started, assessed, ended, reason = self.early_help
        self.early_help = None
        if until is not None and until < ended:
            ended, reason = until, "stepped_up"
        if assessed is not None and assessed <= ended:
            self.add(assessed, "assess_early_help", started=started)
        self.add(ended, "end_early_help", started=started, reason=reason)

    def _another_contact(self, after: date) -> date | None:
        if self.rng.random() >= 0.22:
            return None
        return next_wd(add_months(after, self.rng.randint(1, 18)))

    def _re_referral(self, closed: date) -> date | None:
        """Some children come back (REREFERRAL_SHARE): most within a year."""
        if self.rng.random() >= 0.48 or self.referral_on is None:
            return None
        gap = round(self.rng.expovariate(1 / 120))
        return next_wd(max(wd(closed, 5), date.fromordinal(self.referral_on.toordinal() + gap)))

    # Assessment and child protection -------------------------------------------------

    def _assessment(self, on: date) -> tuple[str | None, date]:
        team = self.team_for("assessment")
        self.allocate(on, team)
        done = self._assessment_done(team, on)
        outcome = self.pick(ASSESSMENT_OUTCOMES)
        self.add(done, "complete_assessment", outcome=outcome, factors=self._factors())
        if outcome in ("nfa", "early_help"):
            return self.close(done, "RC8" if outcome == "nfa" else "RC9")
        self._found_in_need()
        phase = "cin" if outcome == "cin_plan" else "strategy"
        return phase, wd(done, self.rng.randint(0, 3))

    def _found_in_need(self) -> None:
        """The referral's need, drawn before the assessment, is a category of need when
        the assessment finds the child in need."""
        decision = next(step for step in reversed(self.steps) if step.kind == "decide_referral")
        if decision.detail["need"] not in CATEGORIES_OF_NEED:
            decision.detail["need"] = self.pick(IN_NEED)

    def _assessment_done(self, team: str, started: date) -> date:
        assert self.referral_on is not None
        length = self.world.practice(team).assessment_length(self.rng)
        return max(wd(self.referral_on, length), wd(started, 3))

    def _factors(self) -> str:
        """Factors identified at the end of an assessment: as many as England's average,
        drawn without repeating one, the commoner the likelier."""
        count = int(self.pick(FACTOR_COUNTS))
        factors: set[str] = set()
        while len(factors) < count:
            factors.add(self.pick(FACTORS))
        return " ".join(sorted(factors))

    def _strategy(self, on: date) -> tuple[str | None, date]:
        """Strategy discussion from the front door or after an assessment."""
        team = self.team_for("safeguarding")
        self.allocate(on, team)
        held = wd(on, self.rng.choice((0, 0, 1, 2)))
        outcome, after = self.enquiry(team, held)
        if not self.assessed:
            # The section 47 enquiry runs as a child and family assessment.
            self.add(held, "start_assessment")
            done = max(self._assessment_done(team, held), after)
            finding = "nfa" if outcome == "nfa" else "cin_plan"
            self.add(done, "complete_assessment", outcome=finding, factors=self._factors())
            self.assessment_until, self.assessed = done, True
        if outcome == "nfa":
            # Not RC8: that says "closed after assessment", and the DfE allows no section 47
            # in such an episode (CIN census rule 2990); services simply ceased.
            return self.close(after, "RC7")
        return outcome, after

    def enquiry(self, team: str, held: date) -> tuple[str, date]:
        """Strategy discussion, section 47 enquiry and conference: what follows, and when."""
        agreed = self.rng.random() < 0.9
        self.add(held, "strategy", s47_agreed=agreed)
        if not agreed:
            return ("cin" if self.rng.random() < 0.4 else "nfa"), wd(held, 1)
        finish, roll = wd(held, self.rng.randint(5, 12)), self.rng.random()
        if roll < 0.035:  # removed in an emergency while the enquiry runs
            self.add(finish, "complete_s47", outcome="cin")
            return "care", wd(held, self.rng.choice((0, 1, 2)))
        if roll >= 0.31:
            outcome = "cin" if roll < 0.65 else "nfa"
            self.add(finish, "complete_s47", outcome=outcome)
            return outcome, finish
        icpc = wd(held, self.world.practice(team).icpc_wait(self.rng))
        if icpc >= self.adult:  # no conference for a young person about to turn 18
            self.add(finish, "complete_s47", outcome="nfa")
            return "nfa", finish
        self.add(min(finish, icpc), "complete_s47", outcome="icpc")
        required = self.rng.random() < 0.86
        if required:
            self.end_plan(icpc, "Child protection plan started")
        category = self.pick(CATEGORIES) if required else ""
        self.add(icpc, "icpc", plan_required=required, category=category)
        return ("cp" if required else "cin"), icpc

    # Plans ------------------------------------------------------------------------------

    def _cin(self, on: date) -> tuple[str | None, date]:
        team = self.team_for("safeguarding")
        self.allocate(on, team)
        self.add(on, "start_plan", kind="cin")
        self.plan = "cin"
        months = self.rng.randint(*self.world.practice(team).cin_plan_months)
        end = min(next_wd(add_months(on, months)), next_wd(self.adult))
        roll = self.rng.random()
        if roll < 0.15 and wd(on, 25) < end:
            when = date.fromordinal(self.rng.randint(wd(on, 20).toordinal(), end.toordinal()))
            when = next_wd(when)
            if roll < 0.03:
                return "care", when
            outcome, after = self.enquiry(team, when)
            if outcome in ("cp", "care"):
                return outcome, after
            end = min(max(end, wd(after, 10)), next_wd(self.adult))
        self.end_plan(end, "Plan ended: needs met")
        return self.close(end, "RC7")

    def _cp(self, on: date) -> tuple[str | None, date]:
        """The plan started at the initial conference; it ends at a review conference."""
        self.plan = "cp"
        practice = self.world.practice(self.team or "")
        if self.rng.random() < 0.03:  # removed into care while on the plan
            when = wd(on, self.rng.randint(10, 120))
            if when < self.adult:
                self.end_plan(when, "Became looked after")
                return "care", when
        reviews = int(self.pick(REVIEWS_UNTIL_END))
        due, held = add_months(on, 3), on
        for number in range(1, reviews + 1):
            held = self._review_held(practice.review_on_time, due)
            if held >= self.adult:
                self.end_plan(next_wd(self.adult), "Reached 18")
                return self.close(next_wd(self.adult), "RC7")
            self.add(held, "rcpc", continues=number < reviews)
            due = add_months(held, 6)
        self.plan = None  # the last review conference ended it
        roll = self.rng.random()
        if roll < 0.55:
            return "cin", held
        if roll < 0.60:
            return "care", held
        return self.close(held, "RC7")

    def _review_held(self, on_time: float, due: date) -> date:
        if self.rng.random() < on_time:
            return wd_before(due, self.rng.randint(0, 5))
        return wd(due, self.rng.randint(1, 12))

    def _care(self, on: date) -> tuple[str | None, date | None]:
        return self.care.plan(on)

    def _uasc(self, on: date) -> tuple[str | None, date | None]:
        """An unaccompanied child is looked after at once; the assessment completes later."""
        assert self.referral_on is not None
        done = max(wd(self.referral_on, self.rng.randint(15, 40)), wd(on, 5))
        self.add(done, "complete_assessment", outcome="cin_plan", factors="9A")
        self.assessment_until = done
        return "care", wd(on, self.rng.choice((0, 0, 1, 2)))
