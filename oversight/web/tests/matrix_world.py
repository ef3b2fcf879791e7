"""The authorisation matrix's world: every object a page or endpoint reads, built once.

Two teams in two services (the first the service that records prospective adopters), a
child in each and a restricted child in the first, each on a CP plan with a contact and a
referral waiting for decisions; and for each child the records the quality pages read (a
decided contact in a front-door dip sample, an escalation, a sampled case with a completed
audit and an action), plus an audit programme, this LA's inspection with a recommendation
and an improvement action, a self-evaluation, a break-glass alert, an approved household
of prospective adopters, the indicators' figures, two validation runs of a CIN census and
a readiness pack made in the background. Everything is recorded through the services, as
the pages record it; only the LA itself is reference data.

Today is Wednesday 12 March 2025. ``build()`` returns the personas, each relation's
objects (``own``, ``other``, ``restricted``) and the objects every relation shares, by the
names ``web.page_rules`` gives as URL arguments.
"""

import io
from dataclasses import dataclass
from datetime import date

from django.conf import settings

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.models import Child
from oversight.casework.services.break_glass import break_glass
from oversight.exchange.cin_census.tests.builders import census_xml
from oversight.exchange.cin_census.tests.builders import child as census_child
from oversight.exchange.validation_runs.checks import check_cin
from oversight.exchange.validation_runs.models import ReturnKind
from oversight.exchange.validation_runs.runs import keep
from oversight.inspection import plans
from oversight.inspection.models import FindingKind, LocalAuthority
from oversight.inspection.services import FindingText, InspectionFacts, record_inspection
from oversight.jobs.models import Job, JobKind
from oversight.jobs.tasks import import_cin_census, make_readiness_pack
from oversight.performance.refresh import refresh
from oversight.quality import services as quality
from oversight.quality.models import SampledDecision
from oversight.web.page_rules import INSPECTOR_OUTSIDE
from oversight.web.tests.conftest import register

TODAY = date(2025, 3, 12)
LA_CODE = "E06000038"
NAMES = {"own": "Ottoline", "other": "Percival", "restricted": "Quentin"}
# URL arguments that are words rather than objects: an indicator, a year, a judgement area,
# and the names of downloads.
FIXED = {"indicator": "rereferrals", "year": "2025-26", "area": "leaders", "csv": "csv",
         "trend": "trend", "domains": "domains"}  # fmt: skip


@dataclass(frozen=True)
class World:
    personas: dict[str, User]
    children: dict[str, dict[str, int]]  # relation -> argument name -> pk
    objects: dict[str, object]  # argument name -> pk or value, the same for every relation


def person(username: str, role: Role, **fields: object) -> User:
    return User.objects.create(username=username, role=role, first_name=username.title(),
                               last_name="Matrix", **fields)  # fmt: skip


def _personas(own: Team) -> dict[str, User]:
    inside = {"inspection_window_start": date(2025, 3, 1),
              "inspection_window_end": date(2025, 3, 31)}  # fmt: skip
    outside = {"inspection_window_start": date(2024, 5, 1),
               "inspection_window_end": date(2024, 5, 9)}  # fmt: skip
    return {
        Role.PRACTITIONER: person("pat", Role.PRACTITIONER, team=own),
        Role.TEAM_MANAGER: person("tam", Role.TEAM_MANAGER, team=own, service=own.service),
        Role.SERVICE_MANAGER: person("sem", Role.SERVICE_MANAGER, service=own.service),
        Role.SENIOR_LEADER: person("sel", Role.SENIOR_LEADER),
        Role.QA_OFFICER: person("qao", Role.QA_OFFICER),
        Role.PERFORMANCE_ANALYST: person("pea", Role.PERFORMANCE_ANALYST),
        Role.IRO: person("iro", Role.IRO),
        Role.INSPECTOR: person("ins", Role.INSPECTOR, **inside),
        Role.ADMINISTRATOR: person("adm", Role.ADMINISTRATOR),
        INSPECTOR_OUTSIDE: person("out", Role.INSPECTOR, **outside),
    }  # fmt: skip


def _child(n: int, relation: str, team: Team, worker: User | None, people: dict) -> dict:
    """A child on a CP plan: waiting decisions, a decided contact, an escalation about them."""
    child = register(f"M{n}", NAMES[relation], "Matrix", date(2015, 1, 1))
    services.allocate(child, team, worker, date(2025, 1, 6))
    services.start_plan(child, kind="cp", start_on=date(2025, 1, 6), category_of_abuse="NEG")
    contact = services.record_contact(child, received_on=date(2025, 3, 10), source_code="1A",
                                      team=team)  # fmt: skip
    referral = services.record_referral(child, received_on=date(2025, 3, 11), source_code="1A",
                                        team=team)  # fmt: skip
    decided = services.record_contact(child, received_on=date(2025, 3, 3), source_code="1A",
                                      team=team)  # fmt: skip
    services.decide_contact(decided, outcome="nfa", decided_on=date(2025, 3, 4),
                            by=people[Role.TEAM_MANAGER])  # fmt: skip
    escalation = quality.raise_escalation(
        child, people[Role.IRO], people[Role.TEAM_MANAGER], "plan",
        "The plan has not changed since conference", date(2025, 3, 5),
    )  # fmt: skip
    missing = services.record_missing_episode(child, started_on=date(2025, 3, 6))
    returned = services.record_missing_episode(child, started_on=date(2025, 3, 1),
                                               returned_on=date(2025, 3, 2))  # fmt: skip
    early_help = services.start_early_help(child, started_on=date(2024, 9, 2))
    return {"child": child.pk, "contact": contact.pk, "referral": referral.pk,
            "decided": decided.pk, "escalation": escalation.pk, "missing": missing.pk,
            "returned": returned.pk, "early_help": early_help.pk}  # fmt: skip


def _restrict(pk: int, named: User, breaker: User) -> None:
    Child.objects.filter(pk=pk).update(restricted=True)
    Child.objects.get(pk=pk).restricted_to.add(named)
    break_glass(breaker, pk, "A test of the alert, given as the reason")


def _dip_sample(by: User, children: dict[str, dict]) -> int:
    """The three decided contacts, drawn; each relation learns its decision's position."""
    sample = quality.draw_decisions(date(2025, 3, 1), date(2025, 3, 11), 3, by, seed=1)
    drawn = SampledDecision.objects.filter(sample=sample)
    positions = dict(drawn.values_list("contact_id", "position"))
    for found in children.values():
        found["decision"] = positions[found.pop("decided")]
    return sample.pk


def _audits(planner: User, auditor: User, owner: User, children: dict[str, dict]) -> dict:
    """A CP-plan programme whose sample is the three children, each audited with an action.

    The auditor is no persona, so every persona who audits may moderate these audits.
    """
    programme = quality.create_programme(
        quality.ProgrammeFacts("Matrix CP plans", "cp-plans", sample_size=3), planner
    )
    sample = quality.draw_sample(programme, date(2025, 3, 1), TODAY, planner, seed=1)
    cases = {case.child_id: case for case in sample.cases.select_related("sample__programme")}
    for found in children.values():
        case = cases[found["child"]]
        audit = quality.start_audit(case, auditor)
        grades = {
            k: quality.Graded("good", "The record shows it") for k in quality.domains_of(case)
        }
        quality.complete_audit(audit, quality.AuditFacts(grades, "good"), date(2025, 3, 11))
        action = quality.add_action(audit, "Update the plan", owner, date(2025, 3, 19),
                                    date(2025, 3, 11))  # fmt: skip
        found.update(case=case.pk, audit=audit.pk, audit_action=action.pk)
    return {"programme": programme.pk, "audit_sample": sample.pk}


def _improvement(leader: User) -> dict:
    """This LA, inspected last summer: a recommendation with an action; a self-evaluation."""
    la = LocalAuthority.objects.create(urn="80474", code=LA_CODE, name="Reading")
    grades = {"overall": "requires-improvement", "leaders": "requires-improvement",
              "help-and-protection": "requires-improvement", "in-care": "good",
              "care-leavers": "good"}  # fmt: skip
    inspection = record_inspection(la, InspectionFacts(
        kind="standard", started=date(2024, 6, 3), ended=date(2024, 6, 14),
        published=date(2024, 7, 19), judgements=grades,
        findings=(FindingText(FindingKind.RECOMMENDATION, "Improve the quality of plans"),),
    ))  # fmt: skip
    finding = inspection.findings.get()
    action = plans.add_action(
        finding, plans.ActionFacts("Audit every plan monthly", leader, date(2025, 6, 30)), leader
    )
    plans.start_self_evaluation(FIXED["year"], leader, TODAY)
    return {"urn": la.urn, "finding": finding.pk, "improvement_action": action.pk}


def _validation_runs() -> dict:
    """Two runs of a CIN census naming the three children (no dates of birth), made by an
    analyst who is no persona: the later one, fixed for the first child, and the earlier
    one, which the matrix deletes."""
    analyst = person("ana", Role.PERFORMANCE_ANALYST)

    def run(*unborn: str) -> int:
        xml = census_xml(*(census_child(f"M{n}", PersonBirthDate=None if f"M{n}" in unborn
                                        else "2015-01-01") for n in range(3)))  # fmt: skip
        checked = check_cin(io.BytesIO(xml), FIXED["year"], "matrix.xml")
        return keep(checked, ReturnKind.CIN_CENSUS, FIXED["year"], analyst).pk

    return {"doomed_run": run("M0", "M1", "M2"), "return_run": run("M1", "M2")}


def _readiness_pack_job(leader: User) -> str:
    """A readiness pack the senior leader asked for, made as a worker makes it."""
    job = Job.objects.create(kind=JobKind.READINESS_PACK, requested_by=leader)
    make_readiness_pack.call(str(job.pk))
    return str(job.pk)


def _census_import_job(leader: User) -> str:
    """A census import the senior leader started, refused as a worker refuses it (the file
    is no census), so that the matrix's records stay as they are."""
    job = Job.objects.create(kind=JobKind.CIN_CENSUS_IMPORT, requested_by=leader,
                             payload=b"<Annex/>", options={"file": "matrix.xml"})  # fmt: skip
    import_cin_census.call(str(job.pk))
    return str(job.pk)


def _household(by: User) -> int:
    """A couple of prospective adopters, approved last autumn."""
    couple = [services.AdopterDetails(f"MA{n}", "Adopter", "Matrix", "2", "WBRI") for n in (1, 2)]
    household = services.record_adopter_enquiry(family_id="MF1", enquiry_on=date(2024, 1, 15),
                                                adopters=couple, by=by)  # fmt: skip
    services.record_adopter_steps(
        household, stage1_started_on=date(2024, 2, 1), stage1_ended_on=date(2024, 4, 1),
        stage2_started_on=date(2024, 4, 2), applied_on=date(2024, 4, 2),
        approved_on=date(2024, 9, 5),
    )  # fmt: skip
    return household.pk


def build() -> World:
    """The world, under ``TODAY``, with ``OVERSIGHT_LA_CODE`` and a snapshot path set."""
    # The own service is the one that records prospective adopters.
    own_service = Service.objects.create(name=settings.OVERSIGHT_ADOPTION_SERVICE)
    other_service = Service.objects.create(name="B")
    own = Team.objects.create(name="Own team", service=own_service)
    other = Team.objects.create(name="Other team", service=other_service)
    people = _personas(own)
    named = person("nam", Role.PRACTITIONER, team=own)
    placed = [("own", own, people[Role.PRACTITIONER]), ("other", other, None),
              ("restricted", own, named)]  # fmt: skip
    children = {r: _child(n, r, team, worker, people) for n, (r, team, worker) in enumerate(placed)}
    _restrict(children["restricted"]["child"], named, person("bre", Role.SENIOR_LEADER))
    leader = people[Role.SENIOR_LEADER]
    objects: dict[str, object] = dict(FIXED, team=own.pk, user=named.pk)
    objects["alert"] = leader.alerts.get().pk
    objects["household"] = _household(people[Role.PRACTITIONER])
    objects["dip_sample"] = _dip_sample(leader, children)
    auditor = person("aud", Role.QA_OFFICER)
    objects |= _audits(leader, auditor, people[Role.PRACTITIONER], children)
    objects |= _improvement(leader)
    objects |= _validation_runs()
    refresh(TODAY, trend_months=3)  # the indicators' figures, so their pages open
    objects["job"] = _readiness_pack_job(leader)
    objects["census_import_job"] = _census_import_job(leader)
    return World(people, children, objects)
