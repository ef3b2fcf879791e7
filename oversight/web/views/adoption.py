"""Recording a child's adoption decisions: the decision that the child should be placed for
adoption, the match with the adopters, and the decision reversed.

As the other recording forms: only roles that record work may open them, the child is
fetched through ``casework.access``, and a refusal of the service shows on the form. The
match offers the LA's own approved prospective adopters to those who record them
(``views.adopters.matchable_households``), and logs that it listed them.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import AdoptionDecision, Child
from oversight.web.access_log import LIST_ADOPTERS, log_access
from oversight.web.forms import save
from oversight.web.forms.adoption import (
    AdoptionDecisionForm,
    AdoptionMatchForm,
    AdoptionReversalForm,
)
from oversight.web.forms.base import GovukForm
from oversight.web.permissions import records_work_required
from oversight.web.record import current_placement, period_start, standing_decision
from oversight.web.views.adopters import families, matchable_households
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to


@records_work_required
def record_decision(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    current = current_placement(child)
    form = AdoptionDecisionForm(posted(request))
    if form.is_valid() and current is None:
        form.add_error(None, f"{child.full_name} is not looked after now: a decision to place "
                       "for adoption is made while the child is looked after")  # fmt: skip
    elif form.is_valid():

        def record() -> None:
            assert current is not None
            began = period_start(child)
            services.record_adoption_decision(
                current.episode, decided_on=form.cleaned_data["decided_on"],
                period_began=began.started_on if began else None, by=request.user,
            )  # fmt: skip

        if save(form, record):
            return recorded(request, child, "Decision to place for adoption recorded")
    return form_page(request, form, title="Record a decision to place for adoption",
                     submit="Save the decision", back=back_to(child), child=child)  # fmt: skip


@records_work_required
def record_match(request: HttpRequest, pk: int) -> HttpResponse:
    def record(decision: AdoptionDecision, data: dict[str, object]) -> None:
        services.record_adoption_match(decision, **data)  # type: ignore[arg-type]

    households = matchable_households(request.user)  # type: ignore[arg-type]
    form = AdoptionMatchForm(posted(request), households=households)
    shown = _on_standing_decision(request, pk, form, record, "Record the match with adopters",
                                  "Match with adopters recorded")  # fmt: skip
    if households is not None and shown.status_code == 200:  # the households were listed
        log_access(request, LIST_ADOPTERS, detail=f"offered for a match: {families(households)}")
    return shown


@records_work_required
def record_reversal(request: HttpRequest, pk: int) -> HttpResponse:
    def record(decision: AdoptionDecision, data: dict[str, object]) -> None:
        services.reverse_adoption_decision(decision, **data)  # type: ignore[arg-type]

    return _on_standing_decision(request, pk, AdoptionReversalForm(posted(request)), record,
                                 "Record that the decision to place for adoption was reversed",
                                 "Reversal of the decision recorded")  # fmt: skip


def _on_standing_decision(
    request: HttpRequest,
    pk: int,
    form: GovukForm,
    record: Callable[[AdoptionDecision, dict[str, object]], None],
    title: str,
    done: str,
) -> HttpResponse:
    child: Child = child_for(request.user, pk)
    decision = standing_decision(child)
    if form.is_valid() and decision is None:
        form.add_error(None, f"No decision to place {child.full_name} for adoption stands: "
                       "record the decision first")  # fmt: skip
    elif form.is_valid():
        assert decision is not None
        if save(form, lambda: record(decision, form.cleaned_data)):
            return recorded(request, child, done)
    return form_page(request, form, title=title, submit="Save", back=back_to(child),
                     child=child)  # fmt: skip
