"""Rules on the work recorded inside a CIN episode against how the episode ended.

An episode's activity is its assessments, CIN plans, section 47 enquiries, child
protection plans and initial child protection conference. None of it may come after the
episode's closure; a closed episode's assessments and enquiries must be finished; and an
episode that ended without action (a referral with no further action, or a case closed
after assessment) holds only what that allows. Activity belongs to its episode by the
child's position and the episode's: two children may share an LAchildID.

Each finding is one piece of activity, on the line where it is recorded, with the
episode's field that forbids it; fields of the other kinds of activity are left blank.
"""

import polars as pl

from oversight.exchange.cin_census.rules.book import RULES, Census

EPISODE = ["child", "episode"]
CLOSED_AFTER_ASSESSMENT = ["RC8", "RC9"]  # no further action, or referred to early help


def _in_episodes(part: pl.LazyFrame, episodes: pl.LazyFrame, *fields: str) -> pl.LazyFrame:
    """The rows of ``part`` in these episodes, with the episodes' ``fields``."""
    wanted = episodes.select(*EPISODE, *fields)
    return part.join(wanted, on=EPISODE, how="inner", maintain_order="left")


def _found(*parts: pl.LazyFrame) -> pl.LazyFrame:
    """Findings from several parts of the return, each with its own fields, in file order."""
    return pl.concat(parts, how="diagonal_relaxed").sort("line")


@RULES.rule("8565")
def no_activity_after_the_episode_closed(cin: Census) -> pl.LazyFrame:
    closed = cin.episodes.filter(pl.col("CINclosureDate").is_not_null())

    def after_closure(rows: pl.LazyFrame, *dates: str) -> pl.LazyFrame:
        late = pl.any_horizontal([pl.col(d) > pl.col("CINclosureDate") for d in dates])
        return rows.filter(late).select("LAchildID", "line", "CINclosureDate", *dates)

    def of_closed(part: pl.LazyFrame) -> pl.LazyFrame:
        return _in_episodes(part, closed, "CINclosureDate")

    return _found(
        after_closure(closed, "DateOfInitialCPC"),
        after_closure(
            of_closed(cin.assessments), "AssessmentActualStartDate", "AssessmentAuthorisationDate"
        ),
        after_closure(of_closed(cin.section47), "S47ActualStartDate", "DateOfInitialCPC"),
        after_closure(of_closed(cin.cp_plans), "CPPendDate"),
        after_closure(of_closed(cin.cin_plans), "CINPlanStartDate", "CINPlanEndDate"),
    )


@RULES.rule("8831")
def no_activity_after_a_referral_with_no_further_action(cin: Census) -> pl.LazyFrame:
    nfa = cin.episodes.filter(pl.col("ReferralNFA").eq(True))

    def recorded(rows: pl.LazyFrame, *dates: str) -> pl.LazyFrame:
        present = pl.any_horizontal([pl.col(d).is_not_null() for d in dates])
        return rows.filter(present).select("LAchildID", "line", "ReferralNFA", *dates)

    assessments = _in_episodes(cin.assessments, nfa, "ReferralNFA")
    enquiries = _in_episodes(cin.section47, nfa, "ReferralNFA")
    return _found(
        recorded(nfa, "DateOfInitialCPC"),
        recorded(assessments, "AssessmentActualStartDate", "AssessmentAuthorisationDate"),
        recorded(enquiries, "S47ActualStartDate", "DateOfInitialCPC"),
    )


@RULES.rule("2990")
def no_plans_or_enquiries_in_a_case_closed_after_assessment(cin: Census) -> pl.LazyFrame:
    closed = cin.episodes.filter(pl.col("ReasonForClosure").is_in(CLOSED_AFTER_ASSESSMENT))

    def recorded(part: pl.LazyFrame, field: str) -> pl.LazyFrame:
        # The module itself is the activity, whatever its dates say.
        rows = _in_episodes(part, closed, "ReasonForClosure")
        return rows.select("LAchildID", "line", "ReasonForClosure", field)

    conference = closed.filter(pl.col("DateOfInitialCPC").is_not_null())
    return _found(
        conference.select("LAchildID", "line", "ReasonForClosure", "DateOfInitialCPC"),
        recorded(cin.section47, "S47ActualStartDate"),
        recorded(cin.cp_plans, "CPPstartDate"),
        recorded(cin.cin_plans, "CINPlanStartDate"),
    )


@RULES.rule("8825Q")
def case_closed_after_assessment_has_an_assessment(cin: Census) -> pl.LazyFrame:
    closed = cin.episodes.filter(pl.col("ReasonForClosure").is_in(CLOSED_AFTER_ASSESSMENT))
    assessed = cin.assessments.select(EPISODE)
    unassessed = closed.join(assessed, on=EPISODE, how="anti", maintain_order="left")
    return unassessed.select("LAchildID", "line", "ReasonForClosure")


@RULES.rule("8867")
def closed_episode_has_its_assessments_authorised(cin: Census) -> pl.LazyFrame:
    closed = cin.episodes.filter(pl.col("CINclosureDate").is_not_null())
    assessments = _in_episodes(cin.assessments, closed, "CINclosureDate")
    unauthorised = assessments.filter(pl.col("AssessmentAuthorisationDate").is_null())
    return unauthorised.select(
        "LAchildID", "line", "CINclosureDate", "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
    )  # fmt: skip


@RULES.rule("8868")
def closed_episode_has_its_enquiries_concluded(cin: Census) -> pl.LazyFrame:
    """Each section 47 of a closed episode has a conference date or "ICPC not required"."""
    closed = cin.episodes.filter(pl.col("CINclosureDate").is_not_null())
    enquiries = _in_episodes(cin.section47, closed, "CINclosureDate")
    # A missing flag does not say the conference was not required.
    unconcluded = enquiries.filter(
        pl.col("DateOfInitialCPC").is_null() & pl.col("ICPCnotRequired").ne_missing(True)
    )
    return unconcluded.select(
        "LAchildID", "line", "CINclosureDate", "S47ActualStartDate", "DateOfInitialCPC",
        "ICPCnotRequired",
    )  # fmt: skip
