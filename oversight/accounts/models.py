"""Users, the services and teams they work in, and their roles."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from oversight.accounts.chain import GENESIS
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
    swe_number = models.CharField(
        "Social Work England number", max_length=12, blank=True,
        help_text="A registered social worker's number (SW followed by digits)",
    )  # fmt: skip
    started_on = models.DateField(null=True, blank=True, help_text="Joined the LA's workforce")
    left_on = models.DateField(null=True, blank=True, help_text="Left (for turnover)")
    inspection_window_start = models.DateField(null=True, blank=True)
    inspection_window_end = models.DateField(null=True, blank=True)
    must_change_password = models.BooleanField(
        default=False,
        help_text="Has a one-time password: chooses their own at sign-in before anything else",
    )

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    @property
    def scope(self) -> Scope:
        return self.role_enum.scope

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class AppendOnly(Exception):
    """An attempt to change or delete an access-log entry other than by pruning."""


class AccessEventQuerySet(models.QuerySet):  # type: ignore[type-arg]
    """Refuses ``update()`` and ``delete()``: the access log's tables are append-only."""

    def update(self, **kwargs: object) -> int:
        raise AppendOnly("The access log is append-only: entries cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("The access log is append-only: prune it with `oversight audit-log prune`")


class AppendOnlyModel(models.Model):
    """A row that is written once: saving it again or deleting it is refused."""

    class Meta:
        abstract = True

    def save(self, *args: object, **kwargs: object) -> None:
        if not self._state.adding:
            raise AppendOnly("The access log is append-only: entries cannot be changed")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise AppendOnly("The access log is append-only: prune it with `oversight audit-log prune`")


class AccessEvent(AppendOnlyModel):
    """One view of a child's record, list of children, or export: who, when, what, from where.

    Append-only and hash-chained (``accounts.chain``): write entries only through
    ``accounts.access_log.append``. Database triggers refuse UPDATE, and DELETE of any
    entry the chain head's prune anchor does not cover.
    """

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # No database constraint and nothing done when a user is deleted: an entry never changes.
    user = models.ForeignKey(
        User, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True, help_text="As it was at the time")
    role = models.CharField(max_length=32, blank=True, help_text="As it was at the time")
    action = models.CharField(max_length=40, help_text="view-child, list-children, export")
    child_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    detail = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        ordering = ["-sequence"]

    def __str__(self) -> str:
        return f"{self.sequence} {self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"


class ListedChild(AppendOnlyModel):
    """One child that a list or an export showed: the index the who-looked page searches.

    Written with its entry, in the same transaction. The entry's hash covers these rows
    (``child_ids`` in the canonical form), so adding, removing or changing one breaks the
    chain; the same triggers as the entries' refuse UPDATE, and DELETE but by pruning.
    """

    event = models.ForeignKey(
        AccessEvent, to_field="sequence", db_column="sequence", on_delete=models.DO_NOTHING,
        related_name="listed",
    )  # fmt: skip
    child_id = models.BigIntegerField(db_index=True)

    objects = AccessEventQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "child_id"], name="each_child_once_an_entry")
        ]

    def __str__(self) -> str:
        return f"entry {self.event_id}: child {self.child_id}"


class AccessLogHead(models.Model):
    """The chain head (one row): the last entry's sequence and hash, and the prune anchor.

    Appending locks this row, so entries get gapless sequences one at a time. The anchor
    is the last pruned entry's sequence, hash and time: the chain continues from it, and
    the triggers let only entries up to it be deleted.
    """

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS)
    pruned_through_sequence = models.PositiveBigIntegerField(default=0)
    pruned_through_hash = models.CharField(max_length=64, default=GENESIS)
    pruned_through_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"entries {self.pruned_through_sequence + 1} to {self.last_sequence}"
