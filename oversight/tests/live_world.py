"""A small world for tests against a real server, made in the database they share.

One practitioner, Sam, with a password and an authenticator whose key the test knows, and
one child allocated to Sam on a child in need plan since 30 days ago, due a visit. Run as
``python -m oversight.tests.live_world`` with the database in the environment; it
prints the child's id.
"""

from datetime import date, timedelta

USERNAME = "sam"
PASSWORD = "correct horse battery staple"
AUTHENTICATOR_KEY = "3132333435363738393031323334353637383930"  # hex, as django-otp keeps it


def security_code() -> str:
    """What Sam's authenticator shows now."""
    from django_otp.oath import TOTP

    return f"{TOTP(bytes.fromhex(AUTHENTICATOR_KEY)).token():06d}"


def build() -> int:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from oversight.accounts.models import Service, Team, User
    from oversight.accounts.roles import Role
    from oversight.casework import services

    team = Team.objects.create(name="Safeguarding 1", service=Service.objects.create(name="S"))
    sam = User.objects.create(username=USERNAME, first_name="Sam", last_name="Example",
                              role=Role.PRACTITIONER, team=team)  # fmt: skip
    sam.set_password(PASSWORD)
    sam.save()
    TOTPDevice.objects.create(user=sam, name="Phone", confirmed=True, key=AUTHENTICATOR_KEY)
    child = services.register_child(
        la_child_id="L1", first_name="Lee", last_name="Live", sex="1",
        date_of_birth=date(2014, 7, 3), ethnicity="WBRI",
    )  # fmt: skip
    since = date.today() - timedelta(days=30)
    services.allocate(child, team, sam, since)
    services.start_plan(child, kind="cin", start_on=since)
    return child.pk


if __name__ == "__main__":
    import django

    django.setup()
    print(build())
