"""Template filters for inspection outcomes: a grade's words and colour, a share as a percent."""

from django import template

from oversight.web.charts import format_value
from oversight.web.inspection import grade_words as four_grade_words

register = template.Library()

# The colour of a grade's tag on every scale: best green, down to worst red.
_COLOURS = {
    "govuk-tag--green": ("outstanding", "4", "performs-excellently"),
    "govuk-tag--turquoise": ("good", "3", "performs-well"),
    "govuk-tag--yellow": ("requires-improvement", "adequate", "2", "performs-adequately"),
    "govuk-tag--red": ("inadequate", "1", "performs-poorly"),
}
COLOUR_OF = {grade: colour for colour, grades in _COLOURS.items() for grade in grades}


@register.filter
def grade_colour(grade: str | None) -> str:
    """The GOV.UK tag class for a grade key; grey for none."""
    return COLOUR_OF.get(grade or "", "govuk-tag--grey")


@register.filter
def grade_words(grade: str | None) -> str:
    """``requires-improvement`` as "requires improvement to be good"; None as "no grade"."""
    return four_grade_words(grade)


@register.filter
def share(part: int, whole: int) -> str:
    """``part`` as a percentage of ``whole``, as the charts write it; "—" when ``whole`` is 0."""
    return format_value(100 * part / whole if whole else None, "percent")
