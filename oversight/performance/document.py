"""``docs/indicators.md``: the catalogue as a document, written from the SQL files' headers.

The part after the introduction is generated, so the documentation cannot drift from
the definitions; ``scripts/write_indicator_docs.py`` rewrites it and a test checks it.
"""

from oversight.performance.catalogue import THEMES, Indicator, Unit, catalogue

UNITS = {
    Unit.PERCENT: "percentage (numerator / denominator x 100)",
    Unit.RATE: "rate per 10,000 children aged 0-17 in the LA",
    Unit.COUNT: "count",
    Unit.AVERAGE: "average per case-holding worker",
}
POLARITY = {"higher": "higher is better", "lower": "lower is better", "neutral": "context"}
MARKER = "<!-- The catalogue below is generated from oversight/performance/indicators/. -->"


def catalogue_markdown() -> str:
    parts = [MARKER, ""]
    for theme in THEMES:
        chosen = [i for i in catalogue().values() if i.theme == theme]
        if chosen:
            parts += [f"## {theme}", ""]
            for indicator in chosen:
                parts += _section(indicator)
    return "\n".join(parts).rstrip() + "\n"


def _section(i: Indicator) -> list[str]:
    headline = " Shown on the dashboard." if i.headline else ""
    return [
        f"### {i.title} (`{i.id}`)",
        "",
        i.definition + headline,
        "",
        "| | |",
        "|---|---|",
        f"| source | {i.source} |",
        f"| unit | {UNITS[i.unit]} |",
        f"| polarity | {POLARITY[i.polarity.value]} |",
        f"| period | {'the period' if i.period.value == 'period' else 'as at its last day'} |",
        f"| numerator | {i.numerator} |",
        f"| denominator | {i.denominator} |",
        f"| breakdowns | {', '.join(i.breakdowns)} |",
        *([] if i.counts_children else ["| counts | workers, not children |"]),
        f"| query | `oversight/performance/indicators/{i.id}.sql` |",
        "",
    ]


def with_catalogue(document: str) -> str:
    """``document`` with everything after the marker replaced by the generated catalogue."""
    introduction = document.split(MARKER)[0]
    return introduction + catalogue_markdown()
