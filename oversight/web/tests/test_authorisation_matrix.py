"""The authorisation matrix: every persona × every route × own team / other team / restricted.

Routes come from the URL configuration itself (web pages and the REST API), so a route
with no entry in ``web.page_rules`` fails here. Every route reads an object of the
matrix's world (``matrix_world``), so every cell is a real allow or deny. A leak is a page
that opens (200) where the rule says it must not, or any page showing the name of a child
the user may not see.

The world is built once for the module, inside a transaction rolled back at its end; each
persona's test runs in a savepoint of its own, so what one persona's posts change (an
action marked done, an audit started) is undone before the next.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.http import HttpResponse
from django.test import override_settings
from django.urls import URLPattern, URLResolver, path, reverse

from oversight.config import urls as config_urls
from oversight.web.page_rules import (
    PAGE_RULES,
    PERSONAS,
    RELATIONS,
    SEES,
    PageRule,
    stale,
    unregistered,
)
from oversight.web.tests import matrix_world
from oversight.web.tests.matrix_world import NAMES, World


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


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once and rolled back after the module's last test."""
    now = datetime(2025, 3, 12, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    snapshot = tmp_path_factory.mktemp("matrix") / "snapshot.duckdb"
    chosen = override_settings(OVERSIGHT_SNAPSHOT=snapshot, OVERSIGHT_LA_CODE=matrix_world.LA_CODE)
    with (
        django_db_blocker.unblock(),
        time_machine.travel(now, tick=False),
        chosen,
        transaction.atomic(),
    ):
        yield matrix_world.build()
        transaction.set_rollback(True)


def test_the_world_has_every_object_the_rules_name(world: World):
    for name, rule in PAGE_RULES.items():
        for relation in RELATIONS if rule.per_child else (None,):
            found = dict(world.objects, **(world.children[relation] if relation else {}))
            missing = set(rule.args.values()) - set(found)
            assert not missing, f"{name} ({relation or '-'}): the world builds no {missing}"


def url(name: str, rule: PageRule, objects: dict) -> str:
    return reverse(name, kwargs={argument: objects[key] for argument, key in rule.args.items()})


def expected_open(persona: str, rule: PageRule, relation: str | None) -> bool:
    if persona not in rule.opens:
        return False
    return not rule.child or relation in SEES[persona]


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
    return None if status in fine else f"{where}: allowed but answered {status}"


def cells(world: World):
    for name, _ in ROUTES:
        if (rule := PAGE_RULES.get(name)) is None:
            continue  # reported by test_every_route_has_a_rule
        for relation in RELATIONS if rule.per_child else (None,):
            found = dict(world.objects, **(world.children[relation] if relation else {}))
            methods = [rule.method] + (["POST"] if rule.post and rule.method == "GET" else [])
            for method in methods:
                yield name, rule, relation, method, url(name, rule, found)


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_persona_opens_a_page_or_sees_a_child_beyond_the_rules(persona, world, db, signed_in):
    client = signed_in(world.personas[persona])
    problems, count = [], 0
    for name, rule, relation, method, address in cells(world):
        send = client.post if method == "POST" else client.get
        response = send(address, rule.query) if method == "GET" else send(address, {})
        allowed = expected_open(persona, rule, relation)
        count += 1
        if problem := verdict(persona, name, rule, relation, method, response, allowed):
            problems.append(problem)
    assert problems == [], "\n".join(problems)
    assert count >= len(PAGE_RULES)


def test_the_matrix_has_three_cells_for_each_page_about_a_child_and_one_for_each_other():
    per_persona = sum(3 if rule.per_child else 1 for rule in PAGE_RULES.values())
    print(f"matrix: {len(PAGE_RULES)} routes × {len(PERSONAS)} personas = "
          f"{per_persona * len(PERSONAS)} cells")  # fmt: skip
    assert per_persona == len(PAGE_RULES) + 2 * sum(r.per_child for r in PAGE_RULES.values())
