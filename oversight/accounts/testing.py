"""Signing a test client in as a user who has passed both steps, the way the pages do."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from oversight.accounts.models import User
from oversight.accounts.second_factor import confirmed_device


def authenticator(user: User) -> TOTPDevice:
    """The user's confirmed device, made (with a random key) if they have none."""
    return confirmed_device(user) or TOTPDevice.objects.create(
        user=user, name="Test authenticator", confirmed=True
    )


def sign_in(client: Client, user: User) -> Client:
    """Sign ``client`` in as ``user`` with the password step and the second step passed."""
    device = authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
