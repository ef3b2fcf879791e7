"""Measuring chart text, wrapping it, and keeping labels apart.

Text is measured with the font matplotlib has (DejaVu Sans, wider than Arial, so
layouts err on the roomy side); the page itself shows GOV.UK's fonts.
"""

import textwrap
from collections.abc import Iterable

from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

_TEXT_TO_PATH = TextToPath()
FONT_FAMILY = ["DejaVu Sans"]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width in pixels, measured with the font matplotlib has (wider than Arial, so safe)."""
    font = FontProperties(family=FONT_FAMILY, size=size, weight="bold" if bold else "normal")
    width, _, _ = _TEXT_TO_PATH.get_text_width_height_descent(text, font, ismath=False)
    return float(width)


def widest(texts: Iterable[str], size: float, *, bold: bool = False) -> float:
    lines = [line for text in texts for line in text.split("\n")]
    return max((text_width(line, size, bold=bold) for line in lines), default=0.0)


def wrap(text: str, max_px: float, size: float, *, bold: bool = False) -> str:
    """The text broken between words into as few lines as fit the width."""
    for characters in range(len(text), 0, -1):
        lines = textwrap.wrap(text, characters, break_long_words=False) or [text]
        if widest(lines, size, bold=bold) <= max_px:
            return "\n".join(lines)
    return "\n".join(textwrap.wrap(text, 1, break_long_words=False))


def keep_apart(wanted: list[float], sizes: list[float]) -> list[float]:
    """Label centres near where they are wanted, none overlapping.

    Labels that would overlap are stacked as a group centred where they are wanted on
    average, and groups that then overlap are merged, lowest first.
    """
    groups: list[list[int]] = []
    for index in sorted(range(len(wanted)), key=lambda at: wanted[at]):
        groups.append([index])
        while len(groups) > 1 and (
            span(groups[-2], wanted, sizes)[1] > span(groups[-1], wanted, sizes)[0]
        ):
            groups[-2:] = [groups[-2] + groups[-1]]
    placed = list(wanted)
    for group in groups:
        bottom = span(group, wanted, sizes)[0]
        for index in group:
            placed[index] = bottom + sizes[index] / 2
            bottom += sizes[index]
    return placed


def span(group: list[int], wanted: list[float], sizes: list[float]) -> tuple[float, float]:
    """Bottom and top of a group of labels stacked about their average wanted centre."""
    height = sum(sizes[index] for index in group)
    centre = sum(wanted[index] for index in group) / len(group)
    return centre - height / 2, centre + height / 2


# Values
