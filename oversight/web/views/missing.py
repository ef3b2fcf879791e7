"""Recording a child missing from placement, or away from it without authorisation; the
child's return; and, after being missing, the return home interview.

As the other recording forms: only roles that record work may open them, the child is
fetched through ``casework.access`` (the episode through the child), and a refusal of the
service shows on the form.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from oversight.casework import services
from oversight.casework.access import child_for
from oversight.casework.models import MissingEpisode
from oversight.web.forms import save
from oversight.web.forms.base import GovukForm
from oversight.web.forms.missing import MissingEpisodeForm, ReturnForm, ReturnInterviewForm
from oversight.web.permissions import records_work_required
from oversight.web.views.pages import form_page, posted, recorded
from oversight.web.views.recording import back_to
from oversight.web.words import long_date


@records_work_required
def record_missing(request: HttpRequest, pk: int) -> HttpResponse:
    child = child_for(request.user, pk)
    form = MissingEpisodeForm(posted(request))
    if form.is_valid():
        data = form.cleaned_data
        away = data["gone"] == "away"

        def record() -> None:
            services.record_missing_episode(
                child, started_on=data["started_on"], returned_on=data["returned_on"],
                away=away, by=request.user,
            )  # fmt: skip

        if save(form, record):
            return recorded(request, child, "Time away recorded" if away else "Missing recorded")
    return form_page(request, form, title="Record that the child was missing or away",
                     submit="Save", back=back_to(child), child=child)  # fmt: skip


@records_work_required
def record_return(request: HttpRequest, pk: int, episode_pk: int) -> HttpResponse:
    return _on_episode(
        request, pk, episode_pk, ReturnForm(posted(request)), services.record_return,
        title="Record that the child came back", saved="Return recorded",
    )  # fmt: skip


@records_work_required
def record_return_interview(request: HttpRequest, pk: int, episode_pk: int) -> HttpResponse:
    return _on_episode(
        request, pk, episode_pk, ReturnInterviewForm(posted(request)),
        services.record_return_interview, title="Record the return home interview",
        saved="Return home interview recorded",
    )  # fmt: skip


def _on_episode(
    request: HttpRequest,
    pk: int,
    episode_pk: int,
    form: GovukForm,
    service: Callable[..., object],
    *,
    title: str,
    saved: str,
) -> HttpResponse:
    child = child_for(request.user, pk)
    episode: MissingEpisode = get_object_or_404(child.missing_episodes, pk=episode_pk)
    if form.is_valid() and save(form, lambda: service(episode, **form.cleaned_data)):
        return recorded(request, child, saved)
    gone = "away" if episode.away else "missing"
    return form_page(request, form, title=f"{title} ({gone} from {long_date(episode.started_on)})",
                     submit="Save", back=back_to(child), child=child)  # fmt: skip
