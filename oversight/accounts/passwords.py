"""A user's own password: choosing it in place of a one-time password, and changing it.

An administrator gives a new user, or one who has forgotten their password, a one-time
password (``accounts.manage``). The administrator knows it, so the user must choose their
own at their next sign-in before they can reach anything else. Choosing or changing a
password ends every other session of the user, on every device (the one they are using
goes on), and is written to the access log.
"""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from oversight.accounts.access_log import append
from oversight.accounts.models import User
from oversight.accounts.sessions import end_every_session

CHANGE_PASSWORD = "change-password"


@transaction.atomic
def set_own_password(
    user: User, password: str, *, keep: str | None, address: str | None = None
) -> int:
    """Give ``user`` the password they chose, ending their sessions but ``keep``; how many.

    The configured password validators check it here too, so no caller can skip them (a
    ``ValidationError`` says why it is refused).
    """
    validate_password(password, user)
    replaced = "one-time password replaced" if user.must_change_password else "password changed"
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    ended = end_every_session(user.pk, keep=keep)
    detail = f"{user.username} (user {user.pk}): {replaced}, {ended} other sessions ended"
    append(user, CHANGE_PASSWORD, detail=detail, address=address)
    return ended
