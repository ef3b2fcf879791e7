"""Write a year's CIN census return from the casework records, as XML, streaming.

The return follows the DfE's 2025/26 schema (``data/CIN_schema_2025_26.xsd``): a header
naming the collection, the reference date and the LA (its 3-digit DfE number), then one
``<Child>`` per child in need at any time in the year (``gather`` says who and what).
Each child is built as a small element and written at once (lxml's ``xmlfile``), so
memory does not grow with the LA. Every element sits on its own line, so a reader (or a
person) can point at the line of any value.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from lxml import etree

from oversight.casework.models import Child
from oversight.exchange.cin_census.census import (
    CensusAssessment,
    CensusChild,
    CensusCpPlan,
    CensusEpisode,
    CensusSection47,
)
from oversight.exchange.cin_census.gather import Gathering, gather
from oversight.exchange.cin_census.spec import CensusPeriod

SOFTWARE = "Oversight"
SCHEMA = Path(__file__).with_name("data") / "CIN_schema_2025_26.xsd"


class NoLaCode(ValueError):
    """The header needs the LA's 3-digit DfE number, and none was given or configured."""


@dataclass
class WriteSummary:
    """What a written return holds, and what could not be placed in it."""

    file: str
    year: str
    la_code: str
    children: int = 0
    episodes: int = 0
    assessments: int = 0
    cin_plans: int = 0
    section47s: int = 0
    cp_plans: int = 0
    reviews: int = 0
    left_out: list[str] = field(default_factory=list)
    child_ids: list[int] = field(default_factory=list)  # the records of the children written
    seconds: float = 0.0

    def count(self, child: CensusChild) -> None:
        self.children += 1
        if child.record_id is not None:
            self.child_ids.append(child.record_id)
        for episode in child.episodes:
            self.episodes += 1
            self.assessments += len(episode.assessments)
            self.cin_plans += len(episode.cin_plans)
            self.section47s += len(episode.section47s)
            self.cp_plans += len(episode.cp_plans)
            self.reviews += sum(len(plan.reviews) for plan in episode.cp_plans)


def write_cin(
    out: str | Path | IO[bytes],
    year: str,
    *,
    la_code: str | None = None,
    children: QuerySet[Child] | None = None,
    produced_at: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> WriteSummary:
    """Write the census return for ``year`` (e.g. "2025-26") to ``out``.

    ``children`` limits the records read (a caller acting for a user passes the user's
    ``access.visible_children``); by default the return covers the whole LA.
    ``progress`` is told each time another child has been written.
    """
    started = time.perf_counter()
    period = CensusPeriod.from_label(year)
    code = dfe_la_number(la_code)
    gathering = Gathering(period)
    summary = WriteSummary(_name(out), year, code)
    found = gather(period, children if children is not None else Child.objects.all(), gathering)
    made = header(period, code, produced_at or timezone.localtime())
    with _target(out) as target, etree.xmlfile(target, encoding="utf-8") as xml:
        xml.write_declaration()
        with xml.element("Message"):
            _line(xml, 1)
            xml.write(made)
            _line(xml, 1)
            with xml.element("Children"):
                for child in _counted(found, summary, progress):
                    _line(xml, 2)
                    xml.write(child_element(child))
                _line(xml, 1)
            xml.write("\n")
    summary.left_out = gathering.left_out
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def _target(out: str | Path | IO[bytes]) -> Iterator[str | IO[bytes]]:
    """A file is written beside its name and put in place once whole: a failure part of
    the way leaves no half return behind."""
    if not isinstance(out, (str, Path)):
        yield out
        return
    final = Path(out)
    partial = final.with_name(final.name + ".partial")
    try:
        yield str(partial)
        partial.replace(final)
    finally:
        partial.unlink(missing_ok=True)


def _counted(
    found: Iterable[CensusChild], summary: WriteSummary, progress: Callable[[int], None] | None
) -> Iterable[CensusChild]:
    for child in found:
        summary.count(child)
        if progress is not None:
            progress(1)
        yield child


def _line(xml: etree.xmlfile, depth: int) -> None:
    xml.write("\n" + "  " * depth)


def _name(out: str | Path | IO[bytes]) -> str:
    return Path(out).name if isinstance(out, (str, Path)) else getattr(out, "name", "output")


def dfe_la_number(la_code: str | None = None) -> str:
    """The LA's 3-digit DfE number, from ``la_code`` or the deployment's OVERSIGHT_LA_CODE.

    Either may be the DfE number itself (870) or the LA's GSS code (E06000038).
    """
    given = (la_code or settings.OVERSIGHT_LA_CODE or "").strip()
    if not given:
        raise NoLaCode(
            "the census header needs the LA's 3-digit DfE number: give it (for example "
            "--la 870) or set OVERSIGHT_LA_CODE"
        )
    if given.isdigit() and len(given) == 3:
        return given
    # The GSS code is turned into the DfE number through the published LA list that the
    # benchmarks already ship (one list of LAs for the whole system).
    from oversight.performance.published import UnknownArea, area

    try:
        number = area(given).old_la_code
    except UnknownArea as error:
        raise NoLaCode(str(error)) from None
    if not number:
        raise NoLaCode(f"{given} is not a local authority with a DfE number")
    return number


def header(period: CensusPeriod, la_code: str, produced_at: datetime) -> etree._Element:
    root = etree.Element("Header")
    details = etree.SubElement(root, "CollectionDetails")
    _add(details, "Collection", "CIN")
    _add(details, "Year", str(period.end.year))
    _add(details, "ReferenceDate", period.end)
    source = etree.SubElement(root, "Source")
    _add(source, "SourceLevel", "L")
    _add(source, "LEA", la_code)
    _add(source, "SoftwareCode", SOFTWARE)
    _add(source, "Release", _release())
    _add(source, "SerialNo", "001")
    _add(source, "DateTime", produced_at.replace(microsecond=0, tzinfo=None).isoformat())
    return _indented(root, 1)


def _release() -> str:
    try:
        return version("oversight")
    except PackageNotFoundError:
        return "development"


def child_element(child: CensusChild) -> etree._Element:
    """One ``<Child>``, its elements in the schema's order."""
    root = etree.Element("Child")
    ids = etree.SubElement(root, "ChildIdentifiers")
    _add(ids, "LAchildID", child.la_child_id)
    _add(ids, "UPN", child.upn)
    _add(ids, "FormerUPN", child.former_upn)
    _add(ids, "UPNunknown", child.upn_unknown)
    _add(ids, "PersonBirthDate", child.birth)
    _add(ids, "ExpectedPersonBirthDate", child.expected_birth)
    _add(ids, "Sex", child.sex)
    _add(ids, "PersonDeathDate", child.died)
    characteristics = etree.SubElement(root, "ChildCharacteristics")
    _add(characteristics, "Ethnicity", child.ethnicity)
    disabilities = etree.SubElement(characteristics, "Disabilities")
    for code in child.disabilities:
        _add(disabilities, "Disability", code)
    for episode in child.episodes:
        root.append(episode_element(episode))
    return _indented(root, 2)


def episode_element(episode: CensusEpisode) -> etree._Element:
    root = etree.Element("CINdetails")
    _add(root, "CINreferralDate", episode.referral_date)
    _add(root, "ReferralSource", episode.source)
    _add(root, "PrimaryNeedCode", episode.primary_need)
    _add(root, "CINclosureDate", episode.closure)
    _add(root, "ReasonForClosure", episode.reason_for_closure)
    _add(root, "DateOfInitialCPC", episode.initial_cpc)
    for assessment in episode.assessments:
        root.append(assessment_element(assessment))
    for plan in episode.cin_plans:
        dates = etree.SubElement(root, "CINPlanDates")
        _add(dates, "CINPlanStartDate", plan.start)
        _add(dates, "CINPlanEndDate", plan.end)
    for section47 in episode.section47s:
        root.append(section47_element(section47))
    _add(root, "ReferralNFA", _flag(episode.referral_nfa))
    for cp_plan in episode.cp_plans:
        root.append(cp_plan_element(cp_plan))
    return root


def assessment_element(assessment: CensusAssessment) -> etree._Element:
    root = etree.Element("Assessments")
    _add(root, "AssessmentActualStartDate", assessment.start)
    _add(root, "AssessmentAuthorisationDate", assessment.authorised)
    if assessment.factors:
        factors = etree.SubElement(root, "FactorsIdentifiedAtAssessment")
        for code in assessment.factors:
            _add(factors, "AssessmentFactors", code)
    return root


def section47_element(section47: CensusSection47) -> etree._Element:
    root = etree.Element("Section47")
    _add(root, "S47ActualStartDate", section47.start)
    _add(root, "InitialCPCtarget", section47.icpc_target)
    _add(root, "DateOfInitialCPC", section47.icpc)
    _add(root, "ICPCnotRequired", _flag(section47.icpc_not_required))
    return root


def cp_plan_element(plan: CensusCpPlan) -> etree._Element:
    root = etree.Element("ChildProtectionPlans")
    _add(root, "CPPstartDate", plan.start)
    _add(root, "CPPendDate", plan.end)
    _add(root, "InitialCategoryOfAbuse", plan.initial_category)
    _add(root, "LatestCategoryOfAbuse", plan.latest_category)
    _add(root, "NumberOfPreviousCPP", str(plan.previous_plans))
    if plan.reviews:
        reviews = etree.SubElement(root, "Reviews")
        for day in plan.reviews:
            _add(reviews, "CPPreviewDate", day)
    return root


def _add(parent: etree._Element, name: str, value: str | date | None) -> None:
    """An element with the value as text; a blank value leaves the element out."""
    if value is None or value == "":
        return
    etree.SubElement(parent, name).text = value.isoformat() if isinstance(value, date) else value


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _indented(element: etree._Element, depth: int) -> etree._Element:
    etree.indent(element, space="  ", level=depth)
    return element
