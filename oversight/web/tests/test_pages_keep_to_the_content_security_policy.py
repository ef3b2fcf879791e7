"""Pages keep to the strict Content Security Policy: no inline style or script anywhere.

The policy (settings ``CONTENT_SECURITY_POLICY``) allows scripts and styles from this site
only, so a ``style`` attribute, a ``<style>`` element or an inline ``<script>`` would be
blocked by the browser and the page would look or work differently. The charts are the
risk: matplotlib writes CSS, which ``chart_svg`` turns into presentation attributes.
"""

import re

import pytest
from django.urls import reverse

STYLE_ATTRIBUTE = re.compile(r"<[^<>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)


def inline_css_and_scripts(html: str) -> list[str]:
    found = [m[0][:80] for m in STYLE_ATTRIBUTE.finditer(html)]
    found += [m[0] for m in STYLE_ELEMENT.finditer(html)]
    found += [m[0] for m in SCRIPT.finditer(html) if "src=" not in m[1]]
    return found


@pytest.mark.parametrize(
    "name, args, query",
    [
        ("performance", [], ""),
        ("indicator", ["seen-alone"], "?by=team"),
        ("indicator-equality", ["referral-decision-timely"], ""),
        ("inspection", [], ""),
        ("children", [], ""),
    ],
)
def test_a_page_has_no_inline_style_or_script(
    signed_in, senior_leader, figures, ofsted_outcomes, name, args, query
):
    response = signed_in(senior_leader).get(reverse(f"web:{name}", args=args) + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert inline_css_and_scripts(html) == []
    if name.startswith("indicator") or name == "performance":
        assert 'role="img"' in html, "the page drew its charts"


def test_the_sign_in_page_sends_the_policy(client, db):
    policy = client.get(reverse("web:sign-in"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert directives["base-uri"] == "'self'"


def test_the_checker_finds_each_kind_of_inline_content():
    html = '<p style="x">a</p><style>p{}</style><script>1</script><script src="/a.js"></script>'
    assert len(inline_css_and_scripts(html)) == 3


def test_every_form_that_posts_carries_a_csrf_token():
    from pathlib import Path

    templates = Path(__file__).resolve().parents[1] / "templates"
    for template in templates.rglob("*.html"):
        source = template.read_text()
        for form in re.findall(r"<form\b[^>]*>.*?</form>", source, re.S | re.I):
            if re.search(r'method="post"', form, re.I):
                assert "{% csrf_token %}" in form, f"{template.name}: a form without a CSRF token"
