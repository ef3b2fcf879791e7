"""A run's findings are shown fifty a page and filtered by rule, kind, team and child id.

The census: Aisha (A100) and Ben (B200) in Safeguarding 1, Cara (C300) in Safeguarding 2,
and Z999 with no record, each with an unknown sex code (4180, an error) and no date of
birth (8525Q, a query); and 56 more children with no record and an unknown sex code.
"""

import pytest
from django.urls import reverse

from oversight.web.tests.helpers import text
from oversight.web.tests.returns_uploads import census_file, uploaded_run

NAMED = ["A100", "B200", "C300", "Z999"]
OTHERS = [f"N{n:03}" for n in range(56)]


@pytest.fixture
def opened(analyst, signed_in, aisha, ben, cara):
    client = signed_in(analyst)
    census = census_file(*NAMED, *OTHERS, Sex="X")
    unborn = census_file(*NAMED, name="x.xml", Sex="X", PersonBirthDate=None)
    run = uploaded_run(client, census)  # 60 errors
    client.get(reverse("web:returns"))
    both = uploaded_run(client, unborn)  # 4 errors, 4 queries
    return client, run, both


def children_shown(client, run, **filters) -> list[str]:
    page = text(client.get(reverse("web:return-run", args=[run.pk]), filters))
    rows = page.split("Since the previous run" if run.compared else "Message", 2)[-1]
    return [word for word in rows.split() if word in NAMED + OTHERS]


def test_sixty_findings_take_two_pages(opened):
    client, run, _ = opened
    first = text(client.get(reverse("web:return-run", args=[run.pk])))
    assert "60 findings, showing 1 to 50" in first
    second = text(client.get(reverse("web:return-run", args=[run.pk]), {"page": 2}))
    assert "60 findings, showing 51 to 60" in second
    assert "N055" in second and "A100" not in second.split("showing 51 to 60")[1]


def test_findings_are_filtered_by_rule_and_by_kind(opened):
    client, _, both = opened
    assert children_shown(client, both, rule="8525Q") == NAMED
    assert children_shown(client, both, kind="query") == NAMED
    page = text(client.get(reverse("web:return-run", args=[both.pk]), {"kind": "error"}))
    assert "4 findings chosen" in page and "Query" not in page.split("4 findings chosen")[1]


def test_findings_are_filtered_by_the_team_of_the_childs_record(opened, team, other_team):
    client, run, _ = opened
    assert children_shown(client, run, team=team.pk) == ["A100", "B200"]
    assert children_shown(client, run, team=other_team.pk) == ["C300"]
    page = text(client.get(reverse("web:return-run", args=[run.pk]), {"team": "not-in-records"}))
    assert "57 findings chosen, showing 1 to 50" in page  # Z999 and the 56 others
    assert children_shown(client, run, team="not-in-records", page=2) == OTHERS[-7:]


def test_findings_are_filtered_by_child_id(opened):
    client, _, both = opened
    page = text(client.get(reverse("web:return-run", args=[both.pk]), {"child": "C300"}))
    assert "2 findings chosen" in page
    assert children_shown(client, both, child="C300") == ["C300", "C300"]


def test_an_unknown_filter_is_reported_and_filters_nothing(opened):
    client, _, both = opened
    page = text(client.get(reverse("web:return-run", args=[both.pk]), {"rule": "9999"}))
    assert "There is a problem" in page and "8 findings" in page
