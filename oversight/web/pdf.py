"""An indicator as a PDF: the page's figures, charts and tables, for papers and packs.

The charts are the page's own, drawn from the same matplotlib figures as PNG (fpdf2
cannot draw SVG text), so a chart looks the same on screen and on paper. Text is set in
DejaVu Sans, which matplotlib ships, so the PDF needs no system fonts.
"""

import base64
import io
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
from django.conf import settings
from fpdf import FPDF
from fpdf.fonts import FontFace

from oversight.performance.catalogue import Indicator
from oversight.performance.models import Refresh
from oversight.web import charts
from oversight.web.chart_svg import PNG_SCALE, as_png
from oversight.web.indicators import Comparison, neighbour_figures, row
from oversight.web.indicators import rows as indicator_rows
from oversight.web.panels import Panel, panel

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
BLUE = (29, 112, 184)
GREY = (243, 242, 241)
PX_TO_MM = 25.4 / 96  # a chart's pixels at a screen's 96 per inch
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


class Document(FPDF):  # type: ignore[misc]
    def __init__(self, heading: str) -> None:
        super().__init__(format="A4")
        self.heading = heading
        self.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=15)
        self.set_creation_date(EPOCH)  # the same figures give the same file

    def header(self) -> None:
        self.set_font("DejaVu", "", 8)
        self.set_text_color(80, 90, 95)
        self.cell(0, 5, self.heading, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    def title_block(self, caption: str, title: str) -> None:
        self.set_font("DejaVu", "", 11)
        self.set_text_color(80, 90, 95)
        self.cell(0, 6, caption, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", "B", 18)
        self.set_text_color(11, 12, 12)
        self.multi_cell(0, 8, title, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def heading2(self, text: str) -> None:
        if self.get_y() > self.page_break_trigger - 30:  # never a heading alone at the foot
            self.add_page()
        self.ln(3)
        self.set_font("DejaVu", "B", 13)
        self.multi_cell(0, 7, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, size: int = 10, align: str = "J") -> None:
        self.set_font("DejaVu", "", size)
        self.multi_cell(0, 5 * size / 10, text, align=align, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def chart(self, heading: str, uri: str) -> None:
        """A heading and its chart, together on one page."""
        if not uri.startswith("data:image/png;base64,"):
            self.heading2(heading)
            return
        image = io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))
        width, height = self._pixels(image)
        scale = min(self.epw, width * PX_TO_MM) / (width * PX_TO_MM)
        if self.get_y() + 12 + height * PX_TO_MM * scale > self.page_break_trigger:
            self.add_page()
        self.heading2(heading)
        self.image(image, w=width * PX_TO_MM * scale)
        self.ln(2)

    @staticmethod
    def _pixels(image: io.BytesIO) -> tuple[float, float]:
        """Width and height in screen pixels, from the PNG header."""
        header = image.getvalue()
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        return width / PNG_SCALE, height / PNG_SCALE

    def table_of(
        self, header: list[str], rows: list[list[str]], widths: tuple[int, ...] | None = None
    ) -> None:
        self.set_font("DejaVu", "", 9)
        style = FontFace(emphasis="BOLD", fill_color=GREY)
        with self.table(
            headings_style=style, text_align="LEFT", line_height=5, col_widths=widths
        ) as table:
            for cells in [header, *rows]:
                line = table.row()
                for cell in cells:
                    line.cell(cell)
        self.ln(2)


def indicator_pdf(run: Refresh, indicator: Indicator, by: str | None) -> bytes:
    """The indicator page as a PDF: figure, comparators, definition, trend and breakdown."""
    shown, unit = row(run, indicator), indicator.unit.value
    document = _document(run)
    document.title_block(indicator.theme, indicator.title)
    current = shown.current
    figure = charts.format_value(shown.value, unit)
    if current is not None and current.denominator is not None and unit != "rate":
        figure += f"  ({current.numerator:,} of {current.denominator:,})"
    document.set_font("DejaVu", "B", 22)
    document.cell(0, 12, figure, new_x="LMARGIN", new_y="NEXT")
    if shown.rag_text:
        document.paragraph(shown.rag_text)
    comparisons = shown.comparisons + neighbour_figures(indicator)
    if comparisons:
        document.table_of(["Area", "Value", "Period"], _comparison_rows(comparisons, unit))
    document.heading2("How it is counted")
    document.paragraph(indicator.definition)
    document.paragraph(f"Numerator: {indicator.numerator}. Denominator: {indicator.denominator}.")
    document.paragraph(f"Source: {indicator.source}.", size=9)
    with as_png():
        marks = [(f"{c.label} {c.year}", c.value) for c in shown.comparisons if c.value is not None]
        trend = charts.trend_chart(
            [(v.period_end, v.value) for v in shown.trend],
            title=indicator.title, unit=unit, benchmarks=marks[:3],
        )  # fmt: skip
        breakdown = panel(run, indicator, by, shown) if by else None
    document.chart("Trend: the year to each month end", trend)
    if breakdown is not None:
        _panel(document, breakdown)
    return _finished(document)


def panels_pdf(run: Refresh, title: str, wanted: list[tuple[Indicator, list[str]]]) -> bytes:
    """Indicators by breakdowns (the front-door page, the equality view) as a PDF."""
    document = _document(run)
    document.title_block("Performance", title)
    with as_png():
        sections = [(i, [panel(run, i, by) for by in bys]) for i, bys in wanted]
    for indicator, panels in sections:
        document.heading2(indicator.title)
        document.paragraph(indicator.definition, size=9)
        for each in panels:
            _panel(document, each)
    return _finished(document)


def dashboard_pdf(run: Refresh, indicators: list[Indicator]) -> bytes:
    """Every indicator's value beside England's, by theme, as the dashboard lists them."""
    document = _document(run)
    document.title_block(settings.OVERSIGHT_LA_NAME, "Performance")
    all_rows = indicator_rows(run, indicators)
    for theme in dict.fromkeys(i.theme for i in indicators):
        document.heading2(theme)
        rows = []
        for shown in (r for r in all_rows if r.indicator.theme == theme):
            unit, e = shown.indicator.unit.value, shown.england
            england = f"{charts.format_value(e.value, unit)} ({e.year})" if e else "local"
            rows.append(
                [
                    shown.indicator.title,
                    charts.format_value(shown.value, unit),
                    england,
                    shown.rag_text,
                ]  # fmt: skip
            )
        header = ["Indicator", "This LA", "England", "Compared with England"]
        document.table_of(header, rows, widths=(50, 14, 16, 30))
    return _finished(document)


def _document(run: Refresh) -> Document:
    document = Document(f"{settings.OVERSIGHT_LA_NAME} · Oversight · year to {run.as_at:%-d %B %Y}")
    document.add_page()
    return document


def _panel(document: Document, shown: Panel) -> None:
    unit = shown.indicator.unit.value
    document.chart(shown.caption, shown.svg)
    document.table_of(
        [shown.by_name, "Value", "Numerator", "Denominator"],
        [[g.label, charts.format_value(g.value, unit), f"{g.numerator:,}",
          "" if g.denominator is None else f"{g.denominator:,}"] for g in shown.groups],
    )  # fmt: skip


def _finished(document: Document) -> bytes:
    document.paragraph(
        "Published figures: DfE and ONS official statistics, Crown copyright, Open Government "
        "Licence v3.0.", size=8,
    )  # fmt: skip
    return bytes(document.output())


def _comparison_rows(comparisons: list[Comparison], unit: str) -> list[list[str]]:
    return [[c.label, charts.format_value(c.value, unit), c.period or str(c.year or "")]
            for c in comparisons]  # fmt: skip
