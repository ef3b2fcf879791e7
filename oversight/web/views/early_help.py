"""Recording early help on a child's record: that it started, that its assessment was
completed, and how it ended. Ended "stepped up", a referral from early help is recorded
that day (``services.step_up``), and waits on the record for the front door's decision.

As the other recording forms: only roles that record work may open them, the child is
fetched through ``casework.access`` (the episode through the child), and a refusal of the
service shows on the form.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import EarlyHelpEnd, EarlyHelpEpisode
from oversight.web.forms import save
from oversight.web.forms.early_help import (
    EarlyHelpAssessmentForm,
    EndEarlyHelpForm,
    StartEarlyHelpForm,
)
from oversight.web.permissions import records_work_required
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to
from oversight.web.words import long_date


@records_work_required
def start_early_help(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = StartEarlyHelpForm(posted(request))

    def record() -> None:
        services.require_early_help_may_start(child, form.cleaned_data["started_on"])
        services.start_early_help(child, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]

    if form.is_valid() and save(form, record):
        return recorded(request, child, "Early help recorded")
    return form_page(request, form, title="Record that early help started", submit="Save",
                     back=back_to(child), child=child)  # fmt: skip


@records_work_required
def early_help_assessment(request: HttpRequest, pk: int, episode_pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    episode = _episode(child.pk, episode_pk)
    form = EarlyHelpAssessmentForm(posted(request))
    if form.is_valid() and save(
        form, lambda: services.complete_early_help_assessment(episode, **form.cleaned_data)
    ):
        return recorded(request, child, "Early help assessment recorded")
    return form_page(request, form, title=_titled("Record the early help assessment", episode),
                     submit="Save", back=back_to(child), child=child)  # fmt: skip


@records_work_required
def end_early_help(request: HttpRequest, pk: int, episode_pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    episode = _episode(child.pk, episode_pk)
    form = EndEarlyHelpForm(posted(request))
    if form.is_valid():
        on, reason = form.cleaned_data["ended_on"], form.cleaned_data["reason"]

        def record() -> None:
            if reason == EarlyHelpEnd.STEPPED_UP:
                services.step_up(episode, on=on, by=request.user)  # type: ignore[arg-type]
            else:
                services.end_early_help(episode, ended_on=on, reason=reason)

        if save(form, record):
            stepped_up = reason == EarlyHelpEnd.STEPPED_UP
            return recorded(request, child, "Early help stepped up: a referral is recorded"
                            if stepped_up else "The end of early help recorded")  # fmt: skip
    return form_page(request, form, title=_titled("Record that early help ended", episode),
                     submit="Save", back=back_to(child), child=child)  # fmt: skip


def _episode(child_pk: int, episode_pk: int) -> EarlyHelpEpisode:
    return get_object_or_404(EarlyHelpEpisode, pk=episode_pk, child_id=child_pk)


def _titled(title: str, episode: EarlyHelpEpisode) -> str:
    return f"{title} (early help from {long_date(episode.started_on)})"
