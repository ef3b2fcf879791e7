"""Checking a page in a real browser against WCAG 2.2 AA with the vendored axe-core."""

import re
from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CONDITIONAL_REVEAL = re.compile(r'^<input class="govuk-(radios|checkboxes)__input[ "]')


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now, for the WCAG A and AA rules."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated from outside the page, not added as an inline <script>, which the
        # page's Content Security Policy would (rightly) block.
        page.evaluate(AXE.read_text())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA
    )
    return without_govuk_known_issue(results["violations"])


def without_govuk_known_issue(violations: list[dict]) -> list[dict]:
    """The violations, less GOV.UK Frontend's own ``aria-expanded`` on conditional reveals.

    GOV.UK Frontend's script sets ``aria-expanded`` on a radio or checkbox that reveals
    more questions. ARIA does not allow it there, but the Design System keeps it on
    purpose, after research with screen reader users, and lists the axe failure as a known
    issue (alphagov/govuk-frontend#979, w3c/aria#1404). Only that attribute, on those
    inputs, is let through; the rule still applies to everything else.
    """
    kept = []
    for violation in violations:
        nodes = violation["nodes"]
        if violation["id"] == "aria-allowed-attr":
            nodes = [node for node in nodes if not only_reveal_state(node)]
        if nodes:
            kept.append({**violation, "nodes": nodes})
    return kept


def only_reveal_state(node: dict) -> bool:
    found = [check.get("data") or {} for check in node["all"] + node["any"] + node["none"]]
    attributes = [value for data in found for value in data.get("values", ())]
    return (
        bool(CONDITIONAL_REVEAL.match(node["html"]))
        and bool(attributes)
        and all(value.startswith("aria-expanded=") for value in attributes)
    )


def describe(violations: list[dict]) -> str:
    """Each violation with what to fix and where, for a failing test's message."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
    return "\n".join(lines)


def assert_accessible(page: Page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"Accessibility violations on {where} ({page.url}):\n" + describe(
        violations
    )


CSP_VIOLATION = "Content Security Policy"


def watch_for_csp_violations(page: Page) -> list[str]:
    """Collects every console message about the Content Security Policy from now on.

    Chromium writes one to the console for each script, style or image the policy blocks,
    and a ``securitypolicyviolation`` event is recorded as well, for what never logs.
    """
    found: list[str] = []
    page.on("console", lambda m: found.append(m.text) if CSP_VIOLATION in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    return found
