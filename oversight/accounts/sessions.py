"""How long a sign-in lasts: an idle limit, an absolute limit, and signing out everywhere.

The idle limit is also the session cookie's age, renewed on every request
(``SESSION_SAVE_EVERY_REQUEST``), so an idle session expires on the server too. The
middleware says why a user was signed out and enforces the absolute limit, which no
amount of activity extends.
"""

from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.models import Session
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

SIGNED_IN_AT = "oversight_signed_in_at"
LAST_SEEN = "oversight_last_seen"


@receiver(user_logged_in, dispatch_uid="oversight-session-start")
def start_the_clocks(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN] = now


def why_expired(session: dict, now: float) -> str | None:
    """Why a signed-in session has ended, or None while it is still good."""
    idle = timedelta(minutes=settings.OVERSIGHT_IDLE_MINUTES).total_seconds()
    longest = timedelta(hours=settings.OVERSIGHT_SESSION_HOURS).total_seconds()
    signed_in_at, last_seen = session.get(SIGNED_IN_AT), session.get(LAST_SEEN)
    if signed_in_at is None or last_seen is None:
        return "Sign in again"
    if now - last_seen > idle:
        return (
            f"You were signed out after {settings.OVERSIGHT_IDLE_MINUTES} minutes without "
            "activity. Sign in again."
        )
    if now - signed_in_at > longest:
        return (
            f"You were signed out because you had been signed in for "
            f"{settings.OVERSIGHT_SESSION_HOURS} hours. Sign in again."
        )
    return None


class SessionLimitsMiddleware:
    """Sign out a session idle too long or signed in too long; otherwise note the activity."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.session.get(SESSION_KEY) is not None:
            now = timezone.now().timestamp()
            reason = why_expired(request.session, now)
            if reason:
                logout(request)
                messages.info(request, reason)
            else:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def end_every_session(user_id: int, keep: str | None = None) -> int:
    """Delete every live session of the user (each device and browser); how many there were.

    ``keep``: the key of a session to leave alone, the one the user is changing their
    password in. Needs database sessions (Django's default, as configured). Only sessions
    not yet expired are read, and with the idle limit those are few.
    """
    ended = 0
    live = Session.objects.filter(expire_date__gt=timezone.now()).exclude(session_key=keep)
    for session in live:
        if session.get_decoded().get(SESSION_KEY) == str(user_id):
            session.delete()
            ended += 1
    return ended
