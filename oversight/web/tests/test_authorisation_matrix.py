"""The authorisation matrix: every persona × every route × own team / other team / restricted.

Routes come from the URL configuration itself (web pages and the REST API), so a route
with no entry in ``web.page_rules`` fails here. A leak is a page that opens (200) where
the rule says it must not, or any page showing the name of a child the user may not see.
"""

from datetime import date

import pytest
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, path, reverse

from oversight.accounts.models import Service, Team, User
from oversight.accounts.roles import Role
from oversight.casework import services
from oversight.casework.services.break_glass import break_glass
from oversight.config import urls as config_urls
from oversight.performance.refresh import refresh
from oversight.web.page_rules import (
    INSPECTOR_OUTSIDE,
    PAGE_RULES,
    PERSONAS,
    RELATIONS,
    SEES,
    PageRule,
    stale,
    unregistered,
)
from oversight.web.tests.conftest import register

NAMES = {"own": "Ottoline", "other": "Percival", "restricted": "Quentin"}
FIXED = {"indicator": "rereferrals", "year": "2025-26", "area": "leaders", "urn": "80474",
         "one": 1, "missing": 999_999}  # fmt: skip


def every_route(patterns: list, namespace: str = "") -> list[tuple[str, list[str]]]:
    """Each route's namespaced name and its URL arguments, walking includes."""
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            outer = list(pattern.pattern.converters)
            found += [(n, outer + a) for n, a in every_route(pattern.url_patterns, inner)]
        elif isinstance(pattern, URLPattern):
            found.append((f"{namespace}:{pattern.name}", list(pattern.pattern.converters)))
    return found


ROUTES = every_route(config_urls.urlpatterns)


def test_every_route_has_a_rule():
    names = [name for name, _ in ROUTES]
    assert unregistered(names) == [], "\n".join(unregistered(names))
    assert stale(names) == [], f"rules for routes that no longer exist: {stale(names)}"


def test_a_page_added_without_a_rule_fails_the_check():
    def surprise(request):
        return HttpResponse("Ottoline")

    extra = [path("surprise/", surprise, name="surprise")]
    names = [name for name, _ in every_route(config_urls.urlpatterns + extra)]
    assert "add a rule for :surprise in page_rules.py" in unregistered(names)
    assert "add a rule for :surprise in page_rules.py" not in unregistered(
        [name for name, _ in ROUTES]
    )


def test_every_rule_names_the_arguments_its_route_needs():
    for name, arguments in ROUTES:
        rule = PAGE_RULES[name]
        assert set(arguments) == set(rule.args), f"{name}: arguments {arguments}, rule {rule.args}"


def person(username: str, role: Role, **fields) -> User:
    return User.objects.create(username=username, role=role, first_name=username.title(),
                               last_name="Matrix", **fields)  # fmt: skip


@pytest.fixture
def world(db, settings, tmp_path):
    """Two teams in two services; a child in each, and a restricted child in the first."""
    own_service, other_service = Service.objects.create(name="A"), Service.objects.create(name="B")
    own = Team.objects.create(name="Own team", service=own_service)
    other = Team.objects.create(name="Other team", service=other_service)
    inside = {
        "inspection_window_start": date(2025, 3, 1),
        "inspection_window_end": date(2025, 3, 31),
    }
    outside = {
        "inspection_window_start": date(2024, 5, 1),
        "inspection_window_end": date(2024, 5, 9),
    }
    personas = {
        Role.PRACTITIONER: person("pat", Role.PRACTITIONER, team=own),
        Role.TEAM_MANAGER: person("tam", Role.TEAM_MANAGER, team=own, service=own_service),
        Role.SERVICE_MANAGER: person("sem", Role.SERVICE_MANAGER, service=own_service),
        Role.SENIOR_LEADER: person("sel", Role.SENIOR_LEADER),
        Role.QA_OFFICER: person("qao", Role.QA_OFFICER),
        Role.PERFORMANCE_ANALYST: person("pea", Role.PERFORMANCE_ANALYST),
        Role.IRO: person("iro", Role.IRO),
        Role.INSPECTOR: person("ins", Role.INSPECTOR, **inside),
        Role.ADMINISTRATOR: person("adm", Role.ADMINISTRATOR),
        INSPECTOR_OUTSIDE: person("out", Role.INSPECTOR, **outside),
    }  # fmt: skip
    named = person("nam", Role.PRACTITIONER, team=own)
    children, objects = {}, dict(FIXED, team=own.pk)
    for n, (relation, team, worker) in enumerate(
        [("own", own, personas[Role.PRACTITIONER]), ("other", other, None),
         ("restricted", own, named)]
    ):  # fmt: skip
        child = register(f"M{n}", NAMES[relation], "Matrix", date(2015, 1, 1))
        services.allocate(child, team, worker, date(2025, 1, 6))
        services.start_plan(child, kind="cp", start_on=date(2025, 1, 6), category_of_abuse="NEG")
        contact = services.record_contact(child, received_on=date(2025, 3, 10), source_code="1A",
                                          team=team)  # fmt: skip
        referral = services.record_referral(child, received_on=date(2025, 3, 11),
                                            source_code="1A", team=team)  # fmt: skip
        children[relation] = {"child": child.pk, "contact": contact.pk, "referral": referral.pk}
    restricted = children["restricted"]["child"]
    from oversight.casework.models import Child

    Child.objects.filter(pk=restricted).update(restricted=True)
    Child.objects.get(pk=restricted).restricted_to.add(named)
    breaker = person("bre", Role.SENIOR_LEADER)
    break_glass(breaker, restricted, "A test of the alert, given as the reason")
    objects["alert"] = personas[Role.SENIOR_LEADER].alerts.get().pk
    settings.OVERSIGHT_SNAPSHOT = tmp_path / "snapshot.duckdb"
    settings.OVERSIGHT_LA_CODE = "E06000038"
    refresh(date(2025, 3, 12), trend_months=3)  # the indicators' figures, so their pages open
    return personas, children, objects


def url(name: str, rule: PageRule, objects: dict) -> str:
    kwargs = {argument: objects.get(key, key) for argument, key in rule.args.items()}
    return reverse(name, kwargs=kwargs)


def expected_open(persona: str, rule: PageRule, relation: str | None) -> bool:
    if persona not in rule.opens:
        return False
    return relation is None or relation in SEES[persona]


def verdict(persona, name, rule, relation, method, response, allowed) -> str | None:
    """What is wrong with this cell's answer, or None."""
    status, where = response.status_code, f"{persona} {method} {name} ({relation or '-'})"
    if status >= 500:
        return f"{where}: server error {status}"
    body = (
        response.content.decode(errors="replace")
        if response.get("Content-Type", "").startswith(("text/", "application/json"))
        else ""
    )  # noqa: E501
    unseen = {NAMES[r] for r in RELATIONS if r not in SEES[persona]}
    if shown := {n for n in unseen if n in body}:
        return f"{where}: LEAK shows {sorted(shown)}"
    if not allowed:
        return None if status in (403, 404) else f"{where}: LEAK, refused but answered {status}"
    fine = {200, 302} | ({405} if rule.get_405 else set())
    fine |= {404} if rule.missing_ok else set()
    return None if status in fine else f"{where}: allowed but answered {status}"


def cells(persona: str, children: dict, objects: dict):
    for name, _ in ROUTES:
        if (rule := PAGE_RULES.get(name)) is None:
            continue  # reported by test_every_route_has_a_rule
        for relation in RELATIONS if rule.child else (None,):
            found = dict(objects, **(children[relation] if relation else {}))
            methods = [rule.method] + (["POST"] if rule.post and rule.method == "GET" else [])
            for method in methods:
                yield name, rule, relation, method, url(name, rule, found)


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_persona_opens_a_page_or_sees_a_child_beyond_the_rules(persona, world, signed_in):
    personas, children, objects = world
    client = signed_in(personas[persona])
    problems, count = [], 0
    for name, rule, relation, method, address in cells(persona, children, objects):
        send = client.post if method == "POST" else client.get
        response = send(address, rule.query) if method == "GET" else send(address, {})
        allowed = expected_open(persona, rule, relation)
        count += 1
        if problem := verdict(persona, name, rule, relation, method, response, allowed):
            problems.append(problem)
    assert problems == [], "\n".join(problems)
    assert count >= len(PAGE_RULES)


def test_the_matrix_has_three_cells_for_each_child_page_and_one_for_each_other_page():
    per_persona = sum(3 if rule.child else 1 for rule in PAGE_RULES.values())
    print(f"matrix: {len(PAGE_RULES)} routes × {len(PERSONAS)} personas = "
          f"{per_persona * len(PERSONAS)} cells")  # fmt: skip
    assert per_persona == len(PAGE_RULES) + 2 * sum(r.child for r in PAGE_RULES.values())
