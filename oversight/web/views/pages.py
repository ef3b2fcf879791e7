"""Small helpers the page views share: today, bound form data, form pages, success."""

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from oversight.casework.models import Child
from oversight.web.forms import GovukForm


def today() -> date:
    return timezone.localdate()


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data when the form was sent, None when it is being opened."""
    return request.POST if request.method == "POST" else None


def form_page(
    request: HttpRequest,
    form: GovukForm,
    *,
    title: str,
    submit: str,
    back: str,
    child: Child | None = None,
    about: str | None = None,
    caption: str | None = None,
    **extra: object,
) -> HttpResponse:
    """The form under ``title``; the caption above it names the child, or what ``caption``
    says (the record the form is about, when that is no child)."""
    context = {
        "form": form,
        "title": title,
        "submit": submit,
        "back": back,
        "child": child,
        "about": about,
        "caption": caption,
        **extra,
    }
    return render(request, "web/form_page.html", context)


def recorded(request: HttpRequest, child: Child, what: str) -> HttpResponse:
    """Back to the child's record, with a success banner saying what was recorded."""
    messages.success(request, f"{what} for {child.full_name}")
    return redirect("web:child", pk=child.pk)
