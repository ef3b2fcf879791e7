"""Writing Annex A is an export of children: the access log says who, for what date, to
which file, how many children and which (for "who has looked at this child"); a user's
export holds only the children they may see."""

import io
from datetime import date

import pytest

from oversight.accounts.models import AccessEvent, ListedChild, Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.access import visible_children
from oversight.casework.models import Child
from oversight.exchange.annex_a.tests.journeys import AS_AT, child
from oversight.exchange.annex_a.write import write_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_teams():  # type: ignore[no-untyped-def]
    service = Service.objects.create(name="Front door")
    ours, theirs = (Team.objects.create(name=n, service=service) for n in ("North", "South"))
    for name, team in (("ours", ours), ("theirs", theirs)):
        found = child(name)
        services.allocate(found, team, None, on=date(2025, 1, 2))
        services.record_contact(found, received_on=date(2025, 1, 6), source_code="6")
    return ours


def test_an_export_from_the_command_line_is_logged_with_its_date_and_counts(two_teams):
    out = io.BytesIO()
    out.name = "/somewhere/annex-a.xlsx"
    written = write_workbook(out, AS_AT)
    entry = AccessEvent.objects.get(action="export")
    assert entry.user_id is None and written.children == 2
    assert entry.detail.startswith("Annex A as at 2025-03-31 to annex-a.xlsx: 2 children")
    assert "ours" not in entry.detail  # no child is named in the text of the entry
    listed = set(ListedChild.objects.filter(event=entry).values_list("child_id", flat=True))
    assert listed == set(Child.objects.values_list("pk", flat=True)) and len(listed) == 2


def test_a_users_export_is_logged_as_theirs_and_holds_only_their_children(two_teams):
    manager = User.objects.create(username="morgan", role=Role.TEAM_MANAGER, team=two_teams)
    written = write_workbook(io.BytesIO(), AS_AT, by=manager, scope=visible_children(manager))
    assert written.rows[1] == 1 and written.children == 1
    entry = AccessEvent.objects.get(action="export")
    assert entry.username == "morgan"
    listed = ListedChild.objects.filter(event=entry).values_list("child_id", flat=True)
    assert list(listed) == list(visible_children(manager).values_list("pk", flat=True))


def test_an_export_that_cannot_be_logged_leaves_no_file(two_teams, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("the access log is unavailable")

    monkeypatch.setattr("oversight.exchange.annex_a.write.append", refuse)
    out = tmp_path / "annex-a.xlsx"
    with pytest.raises(RuntimeError):
        write_workbook(out, AS_AT)
    assert list(tmp_path.iterdir()) == []
