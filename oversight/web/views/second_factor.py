"""The second step of signing in: a code from an authenticator app, and setting one up.

Every web page needs a verified user (``second_factor_required``, applied in ``urls.py``);
only these pages and signing out are open to a user who has given their password but not
yet a code (``before_second_factor``). A wrong code counts towards the sign-in lockout with
wrong passwords (``accounts.lockout``); while it holds, no code is checked.
"""

from collections.abc import Callable
from functools import wraps

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.lockout import clear_failures, count_wrong_code, sign_in_locked
from oversight.accounts.second_factor import (
    Outcome,
    Verdict,
    check_code,
    confirmed_device,
    device_to_enrol,
    grouped,
    mark_verified,
    secret,
)
from oversight.web.forms.sign_in import CodeForm, locked_out_message
from oversight.web.views.auth import second_step_url

View = Callable[..., HttpResponse]


def before_second_factor(view: View) -> View:
    """Mark a view as open to a user who has signed in with a password but given no code."""
    view.second_factor_required = False  # type: ignore[attr-defined]
    return view


def second_factor_required(view: View) -> View:
    """Send a signed-in user who has not passed the second step to it, then back here."""

    @wraps(view)
    def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_verified():  # type: ignore[union-attr]
            return redirect(second_step_url(request.get_full_path()))
        return view(request, *args, **kwargs)

    return checked


def next_page(request: HttpRequest) -> str:
    """Where to go after the second step: the ``next`` asked for if it is on this site."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return reverse(settings.LOGIN_REDIRECT_URL)


def refusal(verdict: Verdict) -> str:
    if verdict.outcome is Outcome.SIGN_IN_LOCKED:
        return locked_out_message()
    if verdict.outcome is Outcome.LOCKED:
        return (
            "You entered a wrong security code too many times. Wait "
            f"{settings.OVERSIGHT_CODE_LOCKOUT_MINUTES} minutes, then try again."
        )
    if verdict.outcome is Outcome.WAIT:
        return "Wait a few seconds, then enter the code your app shows now"
    return "The security code is not right. Enter the code your app shows now"


def checked_code(request: HttpRequest, device: TOTPDevice, code: str) -> Verdict:
    """The code checked, unless too many failed sign-ins lock the user out; a wrong one counted."""
    if sign_in_locked(request):
        return Verdict(Outcome.SIGN_IN_LOCKED)
    verdict = check_code(device, code)
    if verdict.wrong and count_wrong_code(request):
        return Verdict(Outcome.SIGN_IN_LOCKED)
    return verdict


def verified(request: HttpRequest, device: TOTPDevice) -> None:
    """Both steps passed: the session is verified, and the count of failures cleared."""
    mark_verified(request, device)
    clear_failures(request)


def refused_status(verdict: Verdict | None) -> int:
    """403 while the sign-in lockout holds, as on the sign-in page."""
    return 403 if verdict and verdict.outcome is Outcome.SIGN_IN_LOCKED else 200


@before_second_factor
def second_step(request: HttpRequest) -> HttpResponse:
    after = next_page(request)
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(after)
    device = confirmed_device(request.user)  # type: ignore[arg-type]
    if device is None:
        return redirect(f"{reverse('web:set-up-authenticator')}?{request.GET.urlencode()}")
    form, verdict = CodeForm(request.POST or None), None
    if form.is_valid():
        verdict = checked_code(request, device, form.cleaned_data["code"])
        if verdict.accepted:
            verified(request, device)
            return redirect(after)
        form.add_error("code", refusal(verdict))
    context = {"form": form, "next": after, "title": "Enter your security code"}
    return render(request, "web/second_step.html", context, status=refused_status(verdict))


@before_second_factor
def set_up_authenticator(request: HttpRequest) -> HttpResponse:
    """Enrolment: the new key as a QR code and as text, confirmed by one code from it."""
    after = next_page(request)
    if confirmed_device(request.user):  # type: ignore[arg-type]
        return redirect(second_step_url(after))
    device = device_to_enrol(request.user)  # type: ignore[arg-type]
    form, verdict = CodeForm(request.POST or None), None
    if form.is_valid():
        verdict = checked_code(request, device, form.cleaned_data["code"])
        if verdict.accepted:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            verified(request, device)
            messages.success(request, "Your authenticator app is set up")
            return redirect(after)
        form.add_error("code", refusal(verdict))
    context = {
        "form": form,
        "next": after,
        "title": "Set up your authenticator app",
        "qr_code": qr_svg(device),
        "secret": grouped(secret(device)),
    }
    return render(request, "web/set_up_authenticator.html", context, status=refused_status(verdict))


def qr_svg(device: TOTPDevice) -> str:
    """The device's ``otpauth://`` address as inline SVG: no script, no data URI, no style."""
    code = segno.make(device.config_url, error="m")
    svg = code.svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", title="QR code of your new key",
        svgclass="oversight-qr",
    )  # fmt: skip
    return mark_safe(
        svg.replace("<svg ", '<svg role="img" aria-label="QR code of your new key" ', 1)
    )  # noqa: S308 (segno's own markup)
