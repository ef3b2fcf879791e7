"""Recording one child's planned journey through the casework services.

The recorder walks the child's steps in date order, calling the service for each, and
between steps lets the routines of the open plans (visits, reviews, oversight) record
what happened in the meantime. Every record is made by the services, with
``origin="synth"``, so due dates and deadlines are stamped exactly as for a record
made on a form.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from oversight.accounts.models import Team, User
from oversight.casework import services
from oversight.casework.models import (
    AdoptionDecision,
    Assessment,
    CareEpisode,
    Contact,
    EarlyHelpEpisode,
    HowExpressed,
    Placement,
    Plan,
    Referral,
    S47Enquiry,
)
from oversight.casework.services.child_details import record_child_details
from oversight.casework.services.voice import Voice
from oversight.synth.care_leavers import BACK_HOME, accommodation, birthday_statuses
from oversight.synth.draws import Weights
from oversight.synth.health import HealthLog
from oversight.synth.journey import Step
from oversight.synth.organisation import Workforce
from oversight.synth.outcomes import twelve_month_years, year_outcomes
from oversight.synth.people import ChildProfile, child_name, motherhood, pupil_number
from oversight.synth.permanence_plans import PermanencePlanning
from oversight.synth.places import Places
from oversight.synth.posts import Post
from oversight.synth.practice import GOOD_PRACTICE, Practice
from oversight.synth.rates import CARE_LEAVERS_EET, CARE_LEAVERS_NOT_IN_TOUCH, CARE_LEAVERS_SUITABLE
from oversight.synth.recorder_care import ORIGIN, CareSteps
from oversight.synth.routines import (
    CalendarVisits,
    ChildInNeedReviews,
    Oversight,
    Reviews,
    Routine,
    Visits,
    run_until,
)
from oversight.synth.texts import DECISION_NOTES, oversight_note, views_at_visit, what_changed
from oversight.synth.turnover import HANDOVER, Handover
from oversight.synth.world import World

if TYPE_CHECKING:
    from oversight.synth.matching import Matched

IN_EDUCATION_OR_WORK = Weights(
    {"F2": 30, "F1": 8, "P2": 6, "F5": 20, "P5": 15, "F4": 8, "P4": 3, "P1": 2}
)
NOT_IN_EDUCATION_OR_WORK = Weights({"G5": 60, "G4": 25, "G6": 15})
# Children aged 10 and over who attend their child protection conference (part of it).
CONFERENCE_ATTENDANCE = 0.35


class ChildRecorder(CareSteps):
    """Records one child: ``workers`` holds the post (or the practitioner) for each
    allocation, in order; whoever holds the post takes the child."""

    def __init__(
        self, rng: random.Random, profile: ChildProfile, la_child_id: str,
        workers: Sequence[Post | User], staff: Workforce, world: World,
        voice_rng: random.Random | None = None, details_rng: random.Random | None = None,
        outcomes_rng: random.Random | None = None, matches: dict[date, Matched] | None = None,
        permanence_plans_rng: random.Random | None = None,
        health_rng: random.Random | None = None, away_rng: random.Random | None = None,
        handover_rng: random.Random | None = None,
    ) -> None:  # fmt: skip
        self.rng, self.profile, self.la_child_id = rng, profile, la_child_id
        # And the changes of social worker while the child is allocated.
        self.handover_rng = handover_rng or random.Random(f"handover/{la_child_id}")
        # The child's voice at assessments, conferences and reviews draws from its own
        # stream, so recording it leaves every other record of the journey as it was.
        self.voice_rng = voice_rng or random.Random(f"voice/{la_child_id}")
        # So do the child's details (whether she is a mother), for the same reason.
        self.details_rng = details_rng or random.Random(f"details/{la_child_id}")
        # And the year's outcomes of a child looked after for 12 months (the OC2 items).
        self.outcomes_rng = outcomes_rng or random.Random(f"outcomes/{la_child_id}")
        self.permanence_rng = random.Random(f"permanence/{la_child_id}")
        # And the permanence plans made while the child is in care.
        self.permanence_plans_rng = permanence_plans_rng or random.Random(
            f"permanence-plans/{la_child_id}"
        )
        # And the health assessments and dental checks of a child in care.
        self.health_rng = health_rng or random.Random(f"health/{la_child_id}")
        self.health_log = HealthLog()
        # And whether, and how often, she is away from placement without authorisation.
        self.away_rng = away_rng or random.Random(f"away/{la_child_id}")
        self.birthdays_rng = random.Random(f"birthdays/{la_child_id}")
        self.places = Places(random.Random(f"places/{la_child_id}"), profile.locality)
        self.status_days: list[date] = []  # when care leaver statuses were recorded
        self.posts = [w if isinstance(w, Post) else Post.held_by(w) for w in workers]
        self.staff, self.world = staff, world
        self.stepping_on: date | None = None  # the day of the journey's step in hand
        self.routines: dict[str, Routine] = {"oversight": Oversight(self)}
        self.plans: dict[str, Plan] = {}
        self.team: Team | None = None
        self.worker: User | None = None
        self.practice: Practice = GOOD_PRACTICE
        self.contact: Contact | None = None
        self.referral: Referral | None = None
        self.assessment: Assessment | None = None
        self.s47: S47Enquiry | None = None
        self.episode: CareEpisode | None = None
        self.placement: Placement | None = None
        self.adoption_decisions: list[AdoptionDecision] = []
        self.early_help: dict[date, EarlyHelpEpisode] = {}  # by the day each began
        self.matches = matches or {}  # with the LA's own adopters, by the day
        self.care_began: date | None = None  # the day the current period of care began

    def record(self, steps: list[Step], later: Sequence[Step] = ()) -> None:
        """Record ``steps``; ``later`` (planned after today) says where the journey goes."""
        self.permanence = PermanencePlanning(
            self.permanence_plans_rng, self.profile, [*steps, *later], self._permanence_plan
        )
        first, last = child_name(self.rng, self.profile.sex)
        self.child = services.register_child(
            la_child_id=self.la_child_id, first_name=first, last_name=last,
            sex=self.profile.sex, date_of_birth=self.profile.born,
            ethnicity=self.profile.ethnicity, disabilities=self.profile.disabilities,
            uasc=self.profile.uasc, origin=ORIGIN,
        )  # fmt: skip
        self._details(steps)
        for step in steps:
            self.stepping_on = step.on
            run_until(self.routines, step.on)
            getattr(self, f"_{step.kind}")(step.on, **step.detail)
        self.stepping_on = None
        run_until(self.routines, self.world.today)
        self._year_outcomes(steps)
        self._birthday_statuses(steps)

    def _details(self, steps: list[Step]) -> None:
        today = self.world.today
        is_mother, first_born = motherhood(
            self.details_rng, self.profile, self._looked_after_from_12(steps), today
        )
        record_child_details(
            self.child, upn=pupil_number(self.profile, today), is_mother=is_mother,
            first_child_born_on=first_born,
        )  # fmt: skip

    def _year_outcomes(self, steps: list[Step]) -> None:
        for year_end in twelve_month_years(steps, self.world.today):
            items = year_outcomes(self.outcomes_rng, self.profile, year_end)
            items |= self.health_log.outcomes(year_end)
            services.record_year_outcomes(
                self.child, year_end=year_end, **items, by=self.worker, origin=ORIGIN
            )

    def _birthday_statuses(self, steps: list[Step]) -> None:
        today = self.world.today
        for on, kind in birthday_statuses(steps, self.profile, self.status_days, today):
            if kind == BACK_HOME:
                services.record_care_leaver_status(
                    self.child, recorded_on=on, in_touch=False, not_in_touch_reason=BACK_HOME,
                    accommodation="0", activity="0", by=self.worker, origin=ORIGIN,
                )  # fmt: skip
            else:
                self.care_leaver_status(on, self.birthdays_rng)

    def _looked_after_from_12(self, steps: list[Step]) -> bool:
        """Looked after on or after her 12th birthday, by today."""
        twelfth, began = self.profile.birthday(12), None
        for step in steps:
            if step.kind == "start_care":
                began = step.on
            elif step.kind == "end_care" and began is not None:
                if step.on >= twelfth:
                    return True
                began = None
        return began is not None and self.world.today >= twelfth

    # Who is doing the work ------------------------------------------------------------

    def manager_on(self, day: date) -> User | None:
        """The manager of the team holding the case that day (none: nobody holds it)."""
        return self.staff.manager_on(self.team.name, day) if self.team else None

    def _allocate(self, on: date, team: str, change_reason: str = "") -> None:
        self.team = self.staff.teams[team]
        post = self.posts.pop(0)
        self.worker = post.holder_on(on)
        self.practice = self.world.practice(team)
        services.allocate(self.child, self.team, self.worker, on, by=self.manager_on(on),
                          origin=ORIGIN, change_reason=change_reason)  # fmt: skip
        self.routines[HANDOVER] = Handover(self, post, on)

    # The front door and assessment ----------------------------------------------------

    def _contact(self, on: date, source: str, team: str) -> None:
        self.contact = services.record_contact(
            self.child, received_on=on, source_code=source, team=self.staff.teams[team],
            by=self.worker, origin=ORIGIN,
        )  # fmt: skip

    def _decide_contact(self, on: date, outcome: str) -> None:
        assert self.contact is not None and self.contact.team is not None
        manager = self.staff.manager_on(self.contact.team.name, on)
        referral = services.decide_contact(self.contact, outcome=outcome, decided_on=on, by=manager)
        if referral is not None:
            self.referral = referral

    def _decide_referral(self, on: date, decision: str, need: str) -> None:
        assert self.referral is not None
        if decision == "early_help":
            self.assessment = None  # the referral starts no assessment
            self.early_help[on] = services.step_down(
                self.referral, decided_on=on, by=self.manager_on(on), primary_need=need
            )
        else:
            self.assessment = services.decide_referral(
                self.referral, decision=decision, decided_on=on, by=self.manager_on(on),
                primary_need=need,
            )  # fmt: skip
        self._decision_note(on, "referral")
        if decision in ("nfa", "early_help"):
            self._closed()

    def _assess_early_help(self, on: date, started: date) -> None:
        services.complete_early_help_assessment(self.early_help[started], completed_on=on)

    def _end_early_help(self, on: date, started: date, reason: str) -> None:
        # Stepped up by the referral being decided that day (``Journey._referral``).
        referral = self.referral if reason == "stepped_up" else None
        services.end_early_help(
            self.early_help[started], ended_on=on, reason=reason, stepped_up_to=referral
        )

    def _start_assessment(self, on: date) -> None:
        assert self.referral is not None
        self.assessment = services.start_assessment(
            self.referral, started_on=on, by=self.worker, origin=ORIGIN
        )

    def _complete_assessment(self, on: date, outcome: str, factors: str) -> None:
        assert self.assessment is not None
        services.complete_assessment(
            self.assessment, completed_on=on, outcome=outcome, factors=factors,
            by=self.manager_on(on),
            origin=ORIGIN, **self._heard(on, seen_share=self.practice.seen_share),
        )  # fmt: skip
        self._decision_note(on, "assessment")

    def _close(self, on: date, reason: str) -> None:
        assert self.referral is not None
        services.close_episode(self.referral, closed_on=on, reason=reason)
        self._closed()

    def _closed(self) -> None:
        # Closing the episode ends the allocation: recurring work stops with it.
        self.team, self.worker, self.practice = None, None, GOOD_PRACTICE
        self.routines.pop(HANDOVER, None)

    # Child protection ---------------------------------------------------------------

    def _strategy(self, on: date, s47_agreed: bool) -> None:
        assert self.referral is not None
        _, self.s47 = services.record_strategy_discussion(
            self.referral, held_on=on, s47_agreed=s47_agreed, by=self.worker, origin=ORIGIN
        )

    def _complete_s47(self, on: date, outcome: str) -> None:
        assert self.s47 is not None
        services.complete_s47(self.s47, completed_on=on, outcome=outcome)

    def _icpc(self, on: date, plan_required: bool, category: str) -> None:
        assert self.s47 is not None
        _, plan = services.hold_initial_conference(
            self.s47, held_on=on, plan_required=plan_required, category_of_abuse=category,
            by=self.manager_on(on), origin=ORIGIN, **self._heard_at_conference(on),
        )  # fmt: skip
        if plan is not None:
            self._plan_started(plan, on)

    def _rcpc(self, on: date, continues: bool) -> None:
        services.hold_review_conference(
            self.plans["cp"], held_on=on, plan_continues=continues, by=self.manager_on(on),
            origin=ORIGIN, **self._heard_at_conference(on),
        )  # fmt: skip
        if not continues:
            self._plan_ended("cp", on)

    # Plans ------------------------------------------------------------------------------

    def _start_plan(self, on: date, kind: str) -> None:
        plan = services.start_plan(
            self.child, kind=kind, start_on=on, by=self.worker, origin=ORIGIN
        )
        self._plan_started(plan, on)

    def _end_plan(self, on: date, kind: str, reason: str) -> None:
        services.end_plan(self.plans[kind], end_on=on, reason=reason)
        self._plan_ended(kind, on)

    def _plan_started(self, plan: Plan, on: date) -> None:
        self.plans[plan.kind] = plan
        if plan.kind in ("cp", "cin"):
            self.routines[plan.kind] = Visits(self, plan.kind, plan, on)
        if plan.kind == "cin":
            self.routines["cin-review"] = ChildInNeedReviews(self, plan, on)
        if plan.kind == "pathway":
            self.routines["pathway"] = CalendarVisits(self, "pa", plan, on)
            self.routines["pathway-review"] = Reviews(self, "pathway", plan, on)
            self.care_leaver_status(on)
        self._decision_note(on, "plan")
        self.oversight_routine.plan_started(on)

    def _plan_ended(self, kind: str, on: date) -> None:
        del self.plans[kind]
        if kind == "pathway":  # leaving care leavers' services: nobody holds the work now
            services.end_allocation(self.child, on)
            self.routines.pop(HANDOVER, None)
        for name in [name for name in self.routines if name.split("-")[0] in _ROUTINES[kind]]:
            del self.routines[name]
        self.oversight_routine.schedule(on)

    @property
    def oversight_routine(self) -> Oversight:
        return self.routines["oversight"]  # type: ignore[return-value]

    # What routines record ------------------------------------------------------------------

    def visit(self, kind: str, on: date, plan: Plan, placement: Placement | None = None) -> None:
        practice, age = self.practice, self.profile.age_on(on)
        seen = self.rng.random() < practice.seen_share
        alone = seen and age >= 4 and self.rng.random() < practice.seen_alone_share
        views, how = "", ""
        if seen and self.rng.random() < practice.views_share:
            views, how = views_at_visit(self.rng, age)
        services.record_visit(
            self.child, kind=kind, visited_on=on, plan=plan, placement=placement, seen=seen,
            seen_alone=alone, views_recorded=bool(views), views=views, how_expressed=how,
            what_changed=what_changed(self.voice_rng) if views else "",
            worker=self.worker, by=self.worker, origin=ORIGIN,
        )  # fmt: skip

    def review(self, kind: str, on: date, plan: Plan) -> None:
        participated = self.profile.age_on(on) >= 4 and self.rng.random() < 0.8
        services.record_review(
            self.child, kind=kind, held_on=on, plan=plan, child_participated=participated,
            by=self.worker, origin=ORIGIN, **self._heard(on, seen=participated),
        )  # fmt: skip
        if kind == "pathway":
            self.care_leaver_status(on)
        elif kind == "cla" and self.placement is not None:
            self.permanence.reviewed(on, self.placement.placement_type)

    def _heard(
        self, on: date, *, seen: bool | None = None, seen_share: float = 0.0, alone: bool = True
    ) -> Voice:
        """The child's voice at an assessment, conference or review, as the team records it.

        The child is seen as given, or with ``seen_share``; views are recorded at the
        team's ``views_share``, through an advocate or by observation when the child was
        not there. Nothing is recorded of a child not yet born.
        """
        rng, practice, age = self.voice_rng, self.practice, self.profile.age_on(on)
        if age < 0:
            return {}
        if seen is None:
            seen = rng.random() < seen_share
        voice: Voice = {
            "seen": seen,
            "seen_alone": seen and alone and age >= 4 and rng.random() < practice.seen_alone_share,
        }
        if rng.random() < practice.views_share:
            views, how = views_at_visit(rng, age)
            if not seen:
                how = HowExpressed.ADVOCATE if age >= 8 else HowExpressed.OBSERVED
            voice |= {"views_recorded": True, "views": views, "how_expressed": how,
                      "what_changed": what_changed(rng)}  # fmt: skip
        return voice

    def _heard_at_conference(self, on: date) -> Voice:
        # Older children may attend a conference; a meeting does not see them alone.
        attends = CONFERENCE_ATTENDANCE if self.profile.age_on(on) >= 10 else 0.0
        return self._heard(on, seen_share=attends, alone=False)

    def oversight(self, on: date, kind: str, note: str = "") -> None:
        manager = self.manager_on(on)
        if manager is None:  # nobody holds the case: nobody oversees it
            self.oversight_routine.next_on = None
            return
        services.record_oversight(
            self.child, kind=kind, recorded_on=on, manager=manager,
            note=note or oversight_note(self.rng), origin=ORIGIN,
        )  # fmt: skip
        self.oversight_routine.schedule(on)

    def _decision_note(self, on: date, about: str) -> None:
        if self.rng.random() < self.practice.oversight_at_decisions:
            self.oversight(on, "decision", DECISION_NOTES[about])

    def missing(
        self, on: date, returned: date | None, interview: date | None, away: bool = False
    ) -> None:
        episode = services.record_missing_episode(
            self.child, started_on=on, returned_on=returned, away=away, by=self.worker,
            origin=ORIGIN,
        )  # fmt: skip
        if interview is not None and returned is not None:
            services.record_return_interview(episode, held_on=interview)

    def care_leaver_status(self, on: date, rng: random.Random | None = None) -> None:
        rng = rng or self.rng
        self.status_days.append(on)

        def pick(weights: Weights) -> str:
            return weights.draw(rng)

        if rng.random() < CARE_LEAVERS_NOT_IN_TOUCH:
            services.record_care_leaver_status(
                self.child, recorded_on=on, in_touch=False, accommodation="0", activity="0",
                by=self.worker, origin=ORIGIN,
            )  # fmt: skip
            return
        suitable = rng.random() < CARE_LEAVERS_SUITABLE
        in_work = rng.random() < CARE_LEAVERS_EET
        services.record_care_leaver_status(
            self.child, recorded_on=on, in_touch=True,
            accommodation=accommodation(rng, suitable, self.profile.age_on(on)),
            accommodation_suitable=suitable,
            activity=pick(IN_EDUCATION_OR_WORK if in_work else NOT_IN_EDUCATION_OR_WORK),
            by=self.worker, origin=ORIGIN,
        )  # fmt: skip


# The routines that stop when each kind of plan ends (by the first part of their name).
_ROUTINES = {
    "cp": ("cp",),
    "cin": ("cin",),
    "care": ("cla", "missing", "away", "health"),
    "pathway": ("pathway",),
}
