"""Commands about accounts: the current security code of a demo account."""

import os

import click

from oversight.cli.base import db_option, main, use_database
from oversight.cli.records import DEMO_DB


@main.command()
@click.argument("username")
@db_option
def totp(username: str, db: str | None) -> None:
    """Print the current security code of the demo account USERNAME.

    Only for accounts `oversight demo` set up (their key is the published demo key); any
    other account is refused. The code is alone on the last line.
    """
    if db is None and not os.environ.get("DATABASE_URL"):
        db = DEMO_DB
    use_database(db)
    from oversight.accounts.models import User
    from oversight.accounts.second_factor import current_code, demo_device

    user = User.objects.filter(username=username).first()
    device = demo_device(user) if user else None
    if device is None:
        raise click.ClickException(
            f"{username} is not a demo account of this database: its codes come only from "
            "its owner's authenticator app"
        )
    click.echo(current_code(device))
