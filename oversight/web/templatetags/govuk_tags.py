"""Template filters and tags for showing casework in the GOV.UK style."""

from django import template
from django.conf import settings

from oversight.performance.catalogue import Indicator
from oversight.web import words
from oversight.web.charts import format_value
from oversight.web.navigation import navigation
from oversight.web.permissions import reads_worker_figures
from oversight.web.work import WorkItem, subject_link

register = template.Library()


@register.filter
def rule_title(rule_id: str) -> str:
    return words.rule_title(rule_id)


@register.filter
def code(value: str, set_id: str) -> str:
    """``{{ child.ethnicity|code:"ethnicity" }}`` shows "White British"."""
    return words.code_words(set_id, value)


@register.filter
def long_date(value: object) -> str:
    return words.long_date(value)  # type: ignore[arg-type]


@register.filter
def yes_no(value: bool | None) -> str:
    return words.yes_no(value)


@register.inclusion_tag("web/includes/status_tag.html")
def status_tag(item: WorkItem) -> dict[str, object]:
    return {"item": item}


@register.simple_tag(takes_context=True)
def work_link(context: template.Context, item: WorkItem) -> str | None:
    """Where the record behind a follow-up is (an escalation, an audit), if the reader may go."""
    return subject_link(item.deadline, context["request"].user)


@register.inclusion_tag("web/includes/service_navigation.html", takes_context=True)
def service_navigation(context: template.Context) -> dict[str, object]:
    request = context["request"]
    return {"items": navigation(request), "user": request.user}


@register.simple_tag
def la_name() -> str:
    return settings.OVERSIGHT_LA_NAME


@register.filter
def measure(value: float | None, indicator: Indicator) -> str:
    """``{{ row.value|measure:row.indicator }}`` shows "83.4%", "548.5", "4,529"."""
    return format_value(value, indicator.unit.value)


@register.simple_tag(takes_context=True)
def lists_units(context: template.Context, indicator: Indicator) -> bool:
    """Whether the reader may open the list behind the indicator's figures: of children
    (only those the reader may see are listed), or of workers (for their managers and
    analysts)."""
    return indicator.counts_children or reads_worker_figures(context["request"].user)


@register.inclusion_tag("web/performance/freshness.html")
def freshness(run: object, behind: bool, refresh_minutes: int) -> dict[str, object]:
    return {"run": run, "behind": behind, "refresh_minutes": refresh_minutes}


@register.inclusion_tag("web/performance/rag_tag.html")
def rag_tag(row: object) -> dict[str, object]:
    return {"row": row}
