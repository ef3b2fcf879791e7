"""The second factor: a time-based code (TOTP) from an authenticator app, for every account.

django-otp keeps the devices and marks a session verified; this module decides what a
code may do. Each device counts its wrong codes (django-otp's throttling): after
``OVERSIGHT_CODE_FAILURE_LIMIT`` in a row the device takes no code for
``OVERSIGHT_CODE_LOCKOUT_MINUTES``, on top of django-otp's own short back-off. Wrong codes
also count with wrong passwords towards the sign-in lockout (``accounts.lockout``).
"""

import base64
import enum
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.models import User

APP_DEVICE = "Authenticator app"


class Outcome(enum.Enum):
    ACCEPTED = "accepted"
    WRONG = "wrong"
    WAIT = "wait"  # django-otp's back-off after a wrong code: a few seconds
    LOCKED = "locked"  # too many wrong codes in a row
    SIGN_IN_LOCKED = "sign-in-locked"  # too many wrong passwords or codes (accounts.lockout)


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    until: datetime | None = None
    wrong: bool = False  # the code was checked, and was not the device's

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def device_to_enrol(user: User) -> TOTPDevice:
    """The unconfirmed device a user is setting up, made on first asking (a new random key)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def locked_until(device: TOTPDevice) -> datetime | None:
    """When the device takes codes again after too many wrong ones, or None if it does now."""
    last = device.throttling_failure_timestamp
    if last is None or device.throttling_failure_count < settings.OVERSIGHT_CODE_FAILURE_LIMIT:
        return None
    until = last + timedelta(minutes=settings.OVERSIGHT_CODE_LOCKOUT_MINUTES)
    return until if timezone.now() < until else None


def check_code(device: TOTPDevice, code: str) -> Verdict:
    """Whether ``code`` is the device's current code; wrong codes are counted by the device."""
    until = locked_until(device)
    if until:
        return Verdict(Outcome.LOCKED, until)
    allowed, detail = device.verify_is_allowed()
    if not allowed:
        return Verdict(Outcome.WAIT, (detail or {}).get("locked_until"))
    if device.verify_token(code.strip().replace(" ", "")):
        return Verdict(Outcome.ACCEPTED)
    until = locked_until(device)
    return Verdict(Outcome.LOCKED if until else Outcome.WRONG, until, wrong=True)


def mark_verified(request: HttpRequest, device: TOTPDevice) -> None:
    """Record in the session that its user passed the second step, with a new session key."""
    request.session.cycle_key()
    otp_login(request, device)


def current_code(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now (for demo accounts and tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def secret(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it: base32, without padding."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def grouped(text: str) -> str:
    """``ABCDEFGH`` as ``ABCD EFGH``, easier to type."""
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


# Demo accounts only: a key anyone can work out from the username, so that a tester's
# authenticator keeps working across demo runs. Only ``oversight demo`` gives these keys
# to devices, so they exist in demo databases alone; `oversight totp` shows codes for
# devices holding them and for no other.
_DEMO_SALT = b"oversight synthetic demo second factor"


def demo_key(username: str) -> str:
    """The hex key of a demo account's device."""
    return hmac.new(_DEMO_SALT, username.encode(), hashlib.sha1).hexdigest()


def enrol_demo_device(user: User) -> TOTPDevice:
    """Give a demo account a confirmed device with its demo key, replacing any others."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(
        user=user, name="Demo authenticator", key=demo_key(user.username), confirmed=True
    )


def demo_device(user: User) -> TOTPDevice | None:
    """The user's device if it holds the demo key, else None (a real account's device)."""
    device = confirmed_device(user)
    if device and hmac.compare_digest(device.key, demo_key(user.username)):
        return device
    return None
