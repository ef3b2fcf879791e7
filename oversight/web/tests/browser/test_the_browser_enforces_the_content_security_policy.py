"""The browser enforces the policy, and the journeys would hear of any violation.

Every other browser test fails if the console reports a Content Security Policy
violation (conftest ``no_csp_violations``); this one shows such a report is heard.
"""

from playwright.sync_api import Page


def test_an_inline_script_is_blocked_and_reported(sign_in_page: Page, no_csp_violations):
    sign_in_page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ranInline = true'; document.body.appendChild(s); }"
    )
    sign_in_page.wait_for_timeout(200)
    assert sign_in_page.evaluate("window.ranInline === undefined")
    assert any("Content Security Policy" in message for message in no_csp_violations)
    no_csp_violations.clear()  # seen, as intended


def test_govuk_frontend_starts_without_inline_scripts(sign_in_page: Page):
    classes = sign_in_page.evaluate("document.body.className")
    assert "js-enabled" in classes and "govuk-frontend-supported" in classes
    assert sign_in_page.locator("script:not([src])").count() == 0
    sign_in_page.wait_for_selector("[data-module=govuk-skip-link][data-govuk-skip-link-init]")
