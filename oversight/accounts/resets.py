"""Resetting a user's authenticator, when their phone is lost or replaced.

An administrator removes every authenticator the user has and ends all their sessions;
the user sets up a new one when they next sign in (the second step sends a user with no
authenticator to set one up). Whoever signs in with the password first then chooses the
new authenticator, so the administrator confirms who is asking before resetting, and
the reset is written to the access log with the reason they give.
"""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.access_log import append
from oversight.accounts.models import User
from oversight.accounts.sessions import end_every_session

RESET_AUTHENTICATOR = "reset-authenticator"
REASON_AT_LEAST = 10


class ResetRefused(ValueError):
    """A reset that breaks a rule; the message says what to do instead."""


def has_authenticator(user: User) -> bool:
    """Whether the user has an authenticator, set up or being set up."""
    return TOTPDevice.objects.filter(user=user).exists()


@transaction.atomic
def reset_authenticator(user: User, by: User, reason: str, address: str | None = None) -> int:
    """Remove ``user``'s authenticators and end their sessions; how many were removed."""
    if user.pk == by.pk:
        raise ResetRefused("You cannot reset your own authenticator: ask another administrator")
    if len(reason.strip()) < REASON_AT_LEAST:
        raise ResetRefused(f"Enter a reason of at least {REASON_AT_LEAST} characters")
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    end_every_session(user.pk)
    detail = f"authenticator of {user.get_username()} (user {user.pk}) reset: {removed} removed"
    append(by, RESET_AUTHENTICATOR, detail=detail, reason=reason.strip(), address=address)
    return removed
