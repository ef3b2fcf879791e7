"""Front-door dip-sampling: draw a sample of decisions, re-decide each blind, see agreement.

The re-decision page shows what the decider saw (the contact or referral and, when the
auditor may see the child, the record before it) but never the original decision or who
made it until the auditor's own decision is saved. Decisions are drawn and re-decided
through ``quality.services`` only.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from oversight.casework.access import visible_among
from oversight.quality.models import DecisionSample, SampledDecision
from oversight.quality.services import choices_for, draw_decisions, redecide
from oversight.quality.summaries import (
    Agreed,
    FrontDoorAgreement,
    decider_of,
    front_door_agreement,
    team_of_decision,
)
from oversight.web.access_log import VIEW_CHILD, log_access
from oversight.web.downloads import Table, csv_response
from oversight.web.forms import save
from oversight.web.forms.quality import DrawDecisionsForm, RedecideForm
from oversight.web.permissions import dip_sampling_required
from oversight.web.views.pages import posted, today


@dip_sampling_required
def samples(request: HttpRequest) -> HttpResponse:
    """The samples drawn, the agreement found so far, and a form to draw another."""
    form = DrawDecisionsForm(posted(request))
    if form.is_valid():
        data, drawn = form.cleaned_data, []

        def draw() -> None:
            drawn.append(
                draw_decisions(data["period_start"], data["period_end"], data["size"],
                               request.user, data["seed"])  # type: ignore[arg-type]
            )  # fmt: skip

        if save(form, draw):
            messages.success(request, f"{drawn[0].decisions.count()} decisions drawn")
            return redirect("web:dip-sample", sample=drawn[0].pk)
    context = {
        "title": "Front-door dip-sampling",
        "samples": DecisionSample.objects.select_related("drawn_by"),
        "agreement": front_door_agreement(),
        "form": form,
    }
    return render(request, "web/dip_sampling/samples.html", context)


def agreement_table(agreement: FrontDoorAgreement) -> Table:
    def rows(group: str, found: list[Agreed]) -> list[list]:
        return [[group, a.name, a.redecided, a.agreed, a.rate] for a in found]

    return Table(
        "Front-door dip-sampling: agreement with the original decisions",
        ["Grouping", "Name", "Re-decided", "Agreed", "Agreement rate"],
        rows("Overall", [agreement.overall])
        + rows("Team", agreement.by_team)
        + rows("Deciding manager", agreement.by_manager),
        ["Each decision re-decided blind by an auditor who did not make it."],
    )


@dip_sampling_required
def agreement_csv(request: HttpRequest) -> HttpResponse:
    return csv_response(agreement_table(front_door_agreement()), "front-door-agreement")


@dataclass(frozen=True)
class Line:
    """One drawn decision as the sample page lists it: the outcome only once re-decided."""

    sampled: SampledDecision

    @property
    def agreement(self) -> str:
        agrees = self.sampled.agrees
        return {None: "Not re-decided yet", True: "Agreed", False: "Decided differently"}[agrees]


@dip_sampling_required
def sample(request: HttpRequest, sample: int) -> HttpResponse:
    drawn = get_object_or_404(DecisionSample.objects.select_related("drawn_by"), pk=sample)
    decisions = drawn.decisions.select_related("contact__team", "referral__team")
    context = {
        "title": f"Front-door decisions, {drawn.period_start:%-d %B %Y} to "
        f"{drawn.period_end:%-d %B %Y}",
        "sample": drawn,
        "lines": [Line(d) for d in decisions],
        "agreement": front_door_agreement(DecisionSample.objects.filter(pk=drawn.pk)),
    }
    return render(request, "web/dip_sampling/sample.html", context)


def _before(sampled: SampledDecision) -> list[tuple[str, object, str]]:
    """The child's contacts and referrals before this one: what the decider could read."""
    child, received = sampled.item.child, sampled.item.received_on
    earlier = [("Contact", c.received_on, c.get_outcome_display())
               for c in child.contacts.filter(received_on__lt=received)]  # fmt: skip
    earlier += [("Referral", r.received_on, r.get_decision_display())
                for r in child.referrals.filter(received_on__lt=received)]  # fmt: skip
    return sorted(earlier, key=lambda row: row[1])


@dip_sampling_required
def redecide_page(request: HttpRequest, sample: int, n: int) -> HttpResponse:
    sampled = get_object_or_404(
        SampledDecision.objects.select_related("contact__child", "referral__child", "sample"),
        sample_id=sample,
        position=n,
    )
    item = sampled.item
    form = RedecideForm(posted(request), choices=choices_for(sampled))
    if not sampled.redecision and form.is_valid():
        data = form.cleaned_data

        def decide() -> None:
            redecide(sampled, request.user, data["decision"], data["reason"], today())  # type: ignore[arg-type]

        if save(form, decide):
            messages.success(request, "Your decision is saved: here is the original")
            return redirect("web:redecide", sample=sample, n=n)
    sees_child = bool(visible_among(request.user, {item.child_id}))  # type: ignore[arg-type]
    if sees_child:
        log_access(request, VIEW_CHILD, item.child_id, f"front-door dip sample {sample}/{n}")
    context = {
        "title": f"Decision {n} of the sample",
        "sampled": sampled,
        "item": item,
        "form": form,
        "sees_child": sees_child,
        "earlier": _before(sampled) if sees_child else [],
        "back": reverse("web:dip-sample", kwargs={"sample": sample}),
        "shown": _revealed(sampled) if sampled.redecision else None,
    }
    return render(request, "web/dip_sampling/redecide.html", context)


def _revealed(sampled: SampledDecision) -> dict[str, object]:
    """Both decisions, once the auditor's is saved."""
    words = dict(choices_for(sampled))
    return {
        "original": words.get(sampled.original, sampled.original),
        "decider": decider_of(sampled),
        "team": team_of_decision(sampled),
        "redecision": words.get(sampled.redecision, sampled.redecision),
        "auditor": sampled.auditor.display_name if sampled.auditor else "",
        "agrees": sampled.agrees,
    }
