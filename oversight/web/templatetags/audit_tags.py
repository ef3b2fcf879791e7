"""An audit programme's results where another page links them: the self-evaluation."""

from django import template

from oversight.inspection.models import EvaluationArea, EvidenceKind
from oversight.quality.domains import GRADES
from oversight.quality.reports import results_for

register = template.Library()


@register.inclusion_tag("web/audits/linked_results.html")
def audit_results(reference: str) -> dict[str, object]:
    """The results a self-evaluation's audit evidence names, as they stand now."""
    found = results_for(reference)
    if found is None:
        return {"reference": reference, "results": None}
    share = found.share_good
    return {
        "reference": reference,
        "results": found,
        "grades": [(GRADES[k].lower(), n) for k, n in found.grades.items()],
        "share_good": None if share is None else round(100 * share),
    }


@register.simple_tag
def audit_references(part: EvaluationArea) -> list[str]:
    """The references of the audit results linked to an area of the self-evaluation."""
    return [e.reference for e in part.evidence.all() if e.kind == EvidenceKind.AUDIT]
