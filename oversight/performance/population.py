"""The child population an LA's rates are per 10,000 of.

The LA's own figure when it has one (``ChildPopulation``; the synthetic LA records its
own), otherwise the ONS mid-year estimate published for ``OVERSIGHT_LA_CODE``.
"""

from django.conf import settings

from oversight.performance import published
from oversight.performance.models import ChildPopulation


def child_population(year: int) -> tuple[int, str] | None:
    """Children aged 0-17 for ``year`` (or the latest year before it) and the source."""
    own = ChildPopulation.objects.filter(year__lte=year).order_by("-year").first()
    own = own or ChildPopulation.objects.order_by("year").first()
    if own is not None:
        return own.children, f"{own.source}, {own.year}"
    code = settings.OVERSIGHT_LA_CODE
    if not code:
        return None
    for candidate in range(year, year - 5, -1):
        children = published.child_population(code, candidate)
        if children:
            return children, f"ONS mid-year estimate, {candidate}"
    return None


def set_child_population(year: int, children: int, source: str) -> None:
    ChildPopulation.objects.update_or_create(
        year=year, defaults={"children": children, "source": source}
    )
