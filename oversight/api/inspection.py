"""Inspections over the REST API: the national picture on a date, and one LA's record.

The national picture has the fields of ``oversight national-picture --format json``; the
readers are those of the inspection pages (everyone signed in, save an inspector outside
the inspection window).
"""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from oversight.inspection.frameworks import KINDS
from oversight.inspection.models import Inspection
from oversight.inspection.national import names, picture_facts, picture_since
from oversight.inspection.standing import JUDGEMENTS
from oversight.web import inspection as read
from oversight.web.permissions import reads_inspections

router = Router(tags=["inspection"])


class TallyOut(Schema):
    local_authorities: int
    graded: int
    not_graded: int
    counts: dict[str, int]
    good_or_outstanding: int
    share_good_or_outstanding: float | None
    percent_good_or_outstanding: float | None


class ChangeOut(Schema):
    local_authority: str
    before: str | None
    after: str | None


class PictureOut(TallyOut):
    as_at: date
    judgement: str
    regions: dict[str, TallyOut]
    inadequate: list[str]
    not_graded_reasons: dict[str, str]
    since: date | None = None
    changes: list[ChangeOut] | None = None


class JudgementOut(Schema):
    area: str
    area_name: str
    grade: str
    grade_label: str


class FindingOut(Schema):
    kind: str
    area: str
    text: str


class InspectionOut(Schema):
    id: int
    framework: str
    framework_name: str
    kind: str
    kind_name: str
    started: date | None
    ended: date | None
    published: date | None
    report_url: str
    lead_inspector: str
    source: str
    judgements: list[JudgementOut]
    findings: list[FindingOut]
    overall_departure: str | None  # why the overall differs from the framework's default
    overall_reason: str


class AuthorityOut(Schema):
    urn: str
    code: str
    name: str
    region: str
    established: date | None
    abolished: date | None
    current_inspection: int | None  # the id of the inspection that sets its grades today
    inspections: list[InspectionOut]  # newest first


def _reader(request: HttpRequest) -> None:
    if not reads_inspections(request.user):  # type: ignore[arg-type]
        raise HttpError(403, "An inspector reads inspections only inside the inspection window")


@router.get("/national", response=PictureOut, summary="Every LA's standing on a date")
def get_national(
    request: HttpRequest,
    as_at: date | None = None,
    judgement: str = "overall",
    published_by: date | None = None,
    since: date | None = None,
) -> dict:
    """Counts and shares by grade, nationally and by region, and the LAs judged inadequate.

    ``published_by`` counts inspections over by ``as_at`` and published by then, as
    Ofsted's statistics do; ``since`` adds the LAs whose grade changed since that day.
    """
    _reader(request)
    if judgement not in JUDGEMENTS:
        raise HttpError(422, f"judgement must be one of: {', '.join(JUDGEMENTS)}")
    shown, found = picture_since(as_at or timezone.localdate(), since, judgement, published_by)
    return picture_facts(shown, names(), found, since)


@router.get("/las/{urn}", response=AuthorityOut, summary="One LA and its inspections")
def get_authority(request: HttpRequest, urn: str) -> AuthorityOut:
    _reader(request)
    la = read.authority(urn)
    if la is None:
        raise HttpError(404, f"No local authority has the Ofsted URN {urn!r}")
    inspections = read.history(la)
    current = read.standing_inspection(inspections, timezone.localdate())
    return AuthorityOut(
        urn=la.urn, code=la.code, name=la.name, region=la.region_name,
        established=la.established, abolished=la.abolished,
        current_inspection=current.pk if current else None,
        inspections=[_inspection(i) for i in inspections],
    )  # fmt: skip


def _inspection(i: Inspection) -> InspectionOut:
    return InspectionOut(
        id=i.pk, framework=i.framework_key, framework_name=i.framework.name, kind=i.kind,
        kind_name=KINDS[i.kind], started=i.started, ended=i.ended, published=i.published,
        report_url=i.report_url, lead_inspector=i.lead_inspector, source=i.source,
        judgements=[JudgementOut(area=j.area, area_name=j.area_name, grade=j.grade,
                                 grade_label=j.grade_label) for j in i.judgements.all()],
        findings=[FindingOut(kind=f.kind, area=f.area, text=f.text) for f in i.findings.all()],
        overall_departure=i.overall_departure(), overall_reason=i.overall_reason,
    )  # fmt: skip
