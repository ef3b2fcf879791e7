"""Small helpers for reading pages in tests."""

import re
from datetime import date

from django.http import HttpResponse


def text(response: HttpResponse) -> str:
    """The page's text with tags removed and whitespace squeezed, for readable assertions."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    words = re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").replace("&quot;", '"')
    return re.sub(r"\s+", " ", words).strip()


def title(response: HttpResponse) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else ""


def error_summary(response: HttpResponse) -> list[tuple[str, str]]:
    """(link, message) for each line of the GOV.UK error summary."""
    html = response.content.decode()
    summary = re.search(r'class="govuk-error-summary".*?</ul>', html, flags=re.S)
    if summary is None:
        return []
    links = re.findall(
        r'<li>\s*(?:<a href="([^"]*)">)?(.*?)(?:</a>)?\s*</li>', summary.group(0), re.S
    )
    return [(href, message.replace("&#x27;", "'")) for href, message in links]


def date_fields(name: str, day: date | str, month: str = "", year: str = "") -> dict[str, str]:
    """The three boxes of a GOV.UK date input, from a date or from typed text."""
    if isinstance(day, date):
        return {
            f"{name}_day": str(day.day),
            f"{name}_month": str(day.month),
            f"{name}_year": str(day.year),
        }
    return {f"{name}_day": day, f"{name}_month": month, f"{name}_year": year}


def visit_form(on: date, **answers: str) -> dict[str, str]:
    """A complete CIN visit form, with any answers replaced."""
    form = {
        "kind": "cin",
        "seen": "yes",
        "seen_alone": "yes",
        "views_recorded": "yes",
        "views": "I want to stay at my school",
        "how_expressed": "spoke",
        **date_fields("visited_on", on),
    }
    form.update(answers)
    return form
