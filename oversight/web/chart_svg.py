"""A matplotlib figure as an SVG fragment to put inside a page: accessible and unique.

Output is deterministic (no dates, a fixed hash salt), so a chart can be cached and
compared byte for byte. It carries no CSS: the page's Content Security Policy forbids
inline styles, so matplotlib's ``style="..."`` attributes and its one ``<style>`` rule
become SVG presentation attributes (``fill="..."``), which draw the same. Inside
``as_png()`` the same figures come out as PNG data URIs instead, for documents (a PDF)
that cannot draw SVG text: a chart looks the same in both.
"""

import base64
import hashlib
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from html import escape
from typing import Any

from matplotlib.figure import Figure

_AS_PNG: ContextVar[bool] = ContextVar("charts_as_png", default=False)
PNG_SCALE = 2  # pixels per SVG pixel, so a printed chart stays sharp

_METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}


@contextmanager
def as_png() -> Iterator[None]:
    """Charts drawn inside come as ``data:image/png;base64,...`` URIs rather than SVG."""
    token = _AS_PNG.set(True)
    try:
        yield
    finally:
        _AS_PNG.reset(token)


def svg_of(figure: Figure, title: str) -> str:
    """The chart as an inline SVG element (or, inside ``as_png()``, as a PNG data URI)."""
    if _AS_PNG.get():
        return _png_uri(figure)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata=_METADATA, transparent=True)
    return _accessible(buffer.getvalue(), title)


def _png_uri(figure: Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=72 * PNG_SCALE, facecolor="white")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _accessible(document: str, title: str) -> str:
    """The bare ``<svg>`` element, its ids made unique to it, named by a ``<title>``.

    Ids take a prefix from the chart's content, so two different charts on one page never
    share an id (matplotlib numbers its groups from 1 in every chart).
    """
    svg = _without_css(document[document.index("<svg") :])
    prefix = "chart-" + hashlib.sha256(f"{title}\n{svg}".encode()).hexdigest()[:10]
    svg = _prefix_ids(svg, prefix)
    width, height = _size(svg)
    svg = re.sub(r'\swidth="[^"]*" height="[^"]*"', "", svg, count=1)
    opening = (
        f'<svg role="img" aria-labelledby="{prefix}-title" focusable="false" '
        f'width="{width}" height="{height}" class="oversight-svg"'
    )
    svg = svg.replace("<svg", opening, 1)
    end_of_opening = svg.index(">") + 1
    name = f'\n <title id="{prefix}-title">{escape(title)}</title>'
    return svg[:end_of_opening] + name + svg[end_of_opening:]


# matplotlib's style sheet: one rule for every element, inside the first <defs>.
_STYLE_SHEET = re.compile(r"\s*<defs>\s*<style[^>]*>\s*\*\s*\{([^{}]*)\}\s*</style>\s*</defs>")
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')


def _without_css(svg: str) -> str:
    """The SVG with its style sheet and ``style`` attributes as presentation attributes.

    The sheet's rule for every element becomes attributes on the root, which every element
    inherits unless it sets its own, as each one did in the sheet's place.
    """
    sheet = _STYLE_SHEET.search(svg)
    if sheet is not None:
        svg = svg[: sheet.start()] + svg[sheet.end() :]
        svg = svg.replace("<svg", "<svg" + _as_attributes(sheet[1]), 1)
    svg = re.sub(r"<[^<>]+>", _styled_tag_as_attributes, svg)
    if "<style" in svg:
        raise ValueError("matplotlib wrote a style sheet this module does not know how to turn.")
    return svg


def _styled_tag_as_attributes(tag: re.Match[str]) -> str:
    """One tag with its ``style`` as attributes; the style wins over an attribute it repeats."""
    found = _STYLE_ATTRIBUTE.search(tag[0])
    if found is None:
        return tag[0]
    rest = tag[0][: found.start()] + tag[0][found.end() :]
    for name, _ in _declarations(found[1]):
        rest = re.sub(rf'\s{re.escape(name)}="[^"]*"', "", rest)
    end = len(rest) - (2 if rest.endswith("/>") else 1)
    return rest[:end] + _as_attributes(found[1]) + rest[end:]


def _declarations(css: str) -> list[tuple[str, str]]:
    pairs = [d.split(":", 1) for d in css.split(";") if ":" in d]
    return [(name.strip(), value.strip()) for name, value in pairs]


def _as_attributes(css: str) -> str:
    """``fill: none; stroke: #0b0c0c`` as `` fill="none" stroke="#0b0c0c"``."""
    return "".join(f' {name}="{value}"' for name, value in _declarations(css))


def _prefix_ids(svg: str, prefix: str) -> str:
    """Every id, and every reference to one, inside the tags; text is left as it is."""

    def in_tag(tag: re.Match[str]) -> str:
        return re.sub(r'(\sid="|url\(#|href="#)', rf"\g<1>{prefix}-", tag[0])

    return re.sub(r"<[^<>]+>", in_tag, svg)


def _size(svg: str) -> tuple[int, int]:
    """Width and height in pixels, from the view box (matplotlib gives them in points)."""
    found = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    if found is None:
        raise ValueError("matplotlib wrote an SVG without a view box.")
    return round(float(found[1])), round(float(found[2]))
