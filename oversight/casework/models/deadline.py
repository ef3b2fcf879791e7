"""Deadlines: each statutory or local timescale running for one child.

A deadline opens when the event that starts its clock is recorded (a referral opens a
decision deadline), is stamped with its due date through ``timescales``, and is met by
the event that answers it, or lapses when it no longer applies (the plan ended).
Worklists are indexed queries on open deadlines; timeliness indicators read met ones.
"""

from datetime import date

from django.conf import settings
from django.db import models

from oversight.accounts.models import Team
from oversight.casework.models.child import Child
from oversight.timescales import TimescaleStatus, timescale_status


class Deadline(models.Model):
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="deadlines")
    rule = models.CharField(max_length=40, help_text="Timescale rule id, e.g. assessment")
    subject = models.CharField(
        max_length=40, blank=True, help_text="The record that started the clock, e.g. referral:12"
    )
    started_on = models.DateField()
    due_on = models.DateField()
    met_on = models.DateField(null=True, blank=True)
    lapsed_on = models.DateField(null=True, blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on"]
        indexes = [
            models.Index(
                fields=["worker", "met_on", "lapsed_on", "due_on"], name="deadline_worker_open"
            ),
            models.Index(
                fields=["team", "met_on", "lapsed_on", "due_on"], name="deadline_team_open"
            ),
            models.Index(fields=["met_on", "lapsed_on", "due_on"], name="deadline_open"),
            models.Index(fields=["child", "rule"], name="deadline_child_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.rule} for {self.child_id} due {self.due_on}"

    @property
    def is_open(self) -> bool:
        return self.met_on is None and self.lapsed_on is None

    def status(self, today: date) -> TimescaleStatus:
        from oversight.casework.policy import current_policy

        policy = current_policy()
        return timescale_status(
            self.due_on, self.met_on, today, policy.due_soon_working_days, policy.calendar()
        )
