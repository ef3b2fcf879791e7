"""A user with a one-time password chooses their own at their next sign-in.

Existing users keep their passwords: the flag starts off for everyone already here.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_listed_children"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="must_change_password",
            field=models.BooleanField(
                default=False,
                help_text="Has a one-time password: chooses their own at sign-in before anything else",
            ),
        ),
    ]
