"""Your account: your recent sign-ins, and signing out on every device at once.

Changing your password, linked from here, is in ``passwords.py`` with choosing one at
sign-in.
"""

from axes.models import AccessLog
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from oversight.accounts.sessions import end_every_session

RECENT_SIGN_INS = 10


def account(request: HttpRequest) -> HttpResponse:
    sign_ins = AccessLog.objects.filter(username=request.user.get_username()).order_by(
        "-attempt_time"
    )[:RECENT_SIGN_INS]
    return render(request, "web/account.html", {"title": "Your account", "sign_ins": sign_ins})


@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    """End every session of this user, this one too; each must sign in again, with a code."""
    end_every_session(request.user.pk)
    logout(request)
    messages.info(request, "You have signed out on every device")
    return redirect("web:sign-in")
