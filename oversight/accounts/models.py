"""Users, the services and teams they work in, and their roles."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from oversight.accounts.roles import Role, Scope


class Service(models.Model):
    """A service area (front door, safeguarding, children in care, care leavers)."""

    name = models.CharField(max_length=100, unique=True)

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    name = models.CharField(max_length=100, unique=True)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    role = models.CharField(
        max_length=32, choices=[(r.value, r.label) for r in Role], default=Role.PRACTITIONER
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="staff"
    )
    job_title = models.CharField(max_length=100, blank=True)
    is_agency = models.BooleanField(default=False)
    started_on = models.DateField(null=True, blank=True, help_text="Joined the LA's workforce")
    left_on = models.DateField(null=True, blank=True, help_text="Left (for turnover)")
    inspection_window_start = models.DateField(null=True, blank=True)
    inspection_window_end = models.DateField(null=True, blank=True)

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def scope(self) -> Scope:
        return self.role_enum.scope

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class AccessEvent(models.Model):
    """One view of a child's record, list of children, or export: who, when, what, from where.

    Append-only. (The tamper-evident hash chain and its verification come with the
    security work.)
    """

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=40, help_text="view-child, list-children, export")
    child_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    detail = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action} {self.child_id or ''}"
