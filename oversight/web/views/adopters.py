"""Prospective adopters: the list of households, one household, and the forms that record
a household's enquiry, its steps through assessment and its leaving the process.

Prospective adopters are adults known to the LA's adoption agency, not children, and are
need-to-know on their own terms (``casework.policy_rules``, where the reasons are written
down): senior leaders, QA officers and performance analysts, and inspectors inside their
inspection window, read them; the practitioners, team managers and service managers of
the adoption service (``OVERSIGHT_ADOPTION_SERVICE``) read and record them; anyone else
is refused (403), administrators included. Households come only through
``visible_households`` and ``household_for``. Every list and every household viewed is
written to the access log with the family identifiers it showed. A household's page
links a matched child's record only for a user who may see that child
(``casework.access``) and shows anyone else the child's LA id alone.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import capfirst

from oversight.accounts.models import User
from oversight.casework import services
from oversight.casework.access import visible_children
from oversight.casework.models import AdopterHousehold, Child
from oversight.casework.models.adopters import STEPS
from oversight.web.access_log import LIST_ADOPTERS, VIEW_ADOPTERS, log_access
from oversight.web.forms import locked, save
from oversight.web.forms.adopters import AdopterEnquiryForm, AdoptersLeftForm, AdopterStepsForm
from oversight.web.permissions import (
    adopter_recording_required,
    adopters_required,
    reads_adopters,
    records_adopters,
)
from oversight.web.record import Fact
from oversight.web.views.pages import form_page, posted
from oversight.web.words import long_date, yes_no

PER_PAGE = 25


def visible_households(user: User) -> QuerySet[AdopterHousehold]:
    """The households this user may see: every one, or none."""
    if not reads_adopters(user):
        return AdopterHousehold.objects.none()
    return AdopterHousehold.objects.prefetch_related("adopters")


def household_for(user: User, pk: int) -> AdopterHousehold:
    """One household, or 404 when there is none or the user may not see it."""
    return get_object_or_404(visible_households(user), pk=pk)


def matchable_households(user: User) -> QuerySet[AdopterHousehold] | None:
    """The approved households still in the process, offered for a child's match to those
    who record prospective adopters; None for anyone else (their form asks no household)."""
    if not records_adopters(user):
        return None
    return visible_households(user).filter(approved_on__isnull=False, left_on__isnull=True)


@adopters_required
def adopters(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    households = visible_households(user).annotate(children=Count("matches")).order_by("family_id")
    page = Paginator(households, PER_PAGE).get_page(request.GET.get("page"))
    for shown in page:
        shown.where = where_they_are(shown)
    log_access(request, LIST_ADOPTERS, detail=listed(page))
    context = {
        "title": "Prospective adopters",
        "page": page,
        "page_query": "",
        "elided": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "can_record": records_adopters(user),
    }
    return render(request, "web/adopters/list.html", context)


def listed(page: Page) -> str:
    """The access log's words for a page of the list."""
    return f"prospective adopters, page {page.number}: {families(page)}"


def families(households: Iterable[AdopterHousehold]) -> str:
    """Which households a page showed, for the access log: by their family identifiers, in
    order, so that the first and the last tell them all."""
    ids = [household.family_id for household in households]
    if len(ids) < 2:
        return f"family {ids[0]}" if ids else "none"
    return f"families {ids[0]} to {ids[-1]} ({len(ids)})"


def where_they_are(household: AdopterHousehold) -> str:
    """Where the household is in the process (as ``AdopterHousehold.step`` tells it), with
    the date as GOV.UK writes dates."""
    if household.left_on is not None:
        return f"Left the process on {long_date(household.left_on)}"
    label, day = household.latest_step
    return f"{capfirst(label)} on {long_date(day)}"


@dataclass(frozen=True)
class Matched:
    """A child matched with the household; ``child`` only when the reader may see them."""

    child_id: int
    la_child_id: str
    matched_on: date | None
    reversed_on: date | None
    child: Child | None


def matched_children(user: User, household: AdopterHousehold) -> list[Matched]:
    decisions = household.matches.order_by("matched_on", "pk").values_list(
        "child_id", "child__la_child_id", "matched_on", "reversed_on"
    )
    rows = list(decisions)
    seen = visible_children(user).in_bulk({row[0] for row in rows})
    return [Matched(*row, child=seen.get(row[0])) for row in rows]


def steps(household: AdopterHousehold) -> list[Fact]:
    """Each step's date, then fostering for adoption and leaving the process."""
    dates = [(capfirst(label), long_date(getattr(household, name))) for name, label in STEPS]
    left = household.left_on
    gone = f"{long_date(left)}: {household.get_left_reason_display()}" if left else "No"
    return [
        *(Fact(label, day or "Not yet") for label, day in dates),
        Fact("Approved for fostering for adoption", yes_no(household.fostering_for_adoption)),
        Fact("Left the process", gone),
    ]


@adopters_required
def household(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    found = household_for(user, pk)
    matched = matched_children(user, found)
    log_access(request, VIEW_ADOPTERS, detail=f"household {found.family_id}",
               child_ids=[row.child_id for row in matched])  # fmt: skip
    context = {
        "title": found.names or f"Household {found.family_id}",
        "household": found,
        "where": where_they_are(found),
        "steps": steps(found),
        "matched": matched,
        "unseen": any(row.child is None for row in matched),
        "can_record": records_adopters(user),
    }
    return render(request, "web/adopters/household.html", context)


@adopter_recording_required
def record_enquiry(request: HttpRequest) -> HttpResponse:
    form = AdopterEnquiryForm(posted(request))
    made: list[AdopterHousehold] = []
    if form.is_valid() and save(form, lambda: made.append(_enquiry(request.user, form))):  # type: ignore[arg-type]
        return _saved(request, made[0], "Enquiry recorded")
    return form_page(request, form, title="Record an enquiry from prospective adopters",
                     submit="Save the enquiry", back=reverse("web:adopters"))  # fmt: skip


def _enquiry(user: User, form: AdopterEnquiryForm) -> AdopterHousehold:
    data = form.cleaned_data
    return services.record_adopter_enquiry(
        family_id=data["family_id"], enquiry_on=data["enquiry_on"], adopters=form.adopters(),
        by=user, origin="web",
    )  # fmt: skip


@adopter_recording_required
def record_steps(request: HttpRequest, pk: int) -> HttpResponse:
    found = household_for(request.user, pk)  # type: ignore[arg-type]
    form = AdopterStepsForm(posted(request), household=found)
    return _on_household(request, found, form, services.record_adopter_steps,
                         title="Record the household's steps", done="Steps recorded",
                         about="web/adopters/steps_about.html")  # fmt: skip


@adopter_recording_required
def record_left(request: HttpRequest, pk: int) -> HttpResponse:
    found = household_for(request.user, pk)  # type: ignore[arg-type]
    form = AdoptersLeftForm(posted(request), household=found)
    return _on_household(request, found, form, services.record_adopters_left,
                         title="Record that they left the process",
                         done="Leaving the process recorded")  # fmt: skip


def _on_household(
    request: HttpRequest,
    household: AdopterHousehold,
    form: AdopterStepsForm | AdoptersLeftForm,
    record: Callable[..., object],
    *,
    title: str,
    done: str,
    about: str | None = None,
) -> HttpResponse:
    """A form about the household as it was opened: saved through ``record`` unless someone
    changed the household meanwhile, or the service refuses it."""
    if form.is_valid():
        answers = form.answers()

        def change() -> None:
            record(locked(AdopterHousehold.objects, household.pk, form), **answers)

        if save(form, change):
            return _saved(request, household, done)
    return form_page(request, form, title=title, submit="Save", back=_back(household),
                     caption=_caption(household), about=about, household=household)  # fmt: skip


def _back(household: AdopterHousehold) -> str:
    return reverse("web:adopter-household", kwargs={"pk": household.pk})


def _caption(household: AdopterHousehold) -> str:
    return f"{household.names} ({household.family_id})"


def _saved(request: HttpRequest, household: AdopterHousehold, what: str) -> HttpResponse:
    messages.success(request, f"{what} for household {household.family_id}")
    return redirect(_back(household))
