"""The catalogue: every indicator file is a complete definition, and the docs follow them."""

from pathlib import Path

import pytest

from oversight.performance.catalogue import (
    BREAKDOWNS,
    THEMES,
    CatalogueError,
    Polarity,
    Unit,
    UnknownIndicator,
    catalogue,
    indicator,
    parse,
)
from oversight.performance.document import with_catalogue

DOC = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"

GOOD = """-- id: example
-- title: An example
-- theme: Front door
-- definition: What it counts,
--   over two lines.
-- source: Local
-- unit: percent
-- polarity: higher
-- numerator: some
-- denominator: all
-- period: period
SELECT 1
"""


def test_the_core_set_has_about_35_indicators_across_every_theme():
    found = catalogue()
    assert len(found) >= 35
    assert {i.theme for i in found.values()} == set(THEMES)


def test_every_indicator_says_what_it_counts_and_where_it_comes_from():
    for i in catalogue().values():
        assert i.definition.endswith((".", ".)")) and len(i.definition) > 60, i.id
        assert i.source.startswith(("DfE", "Local")), i.id
        assert "SELECT" in i.sql and "$" in i.sql, i.id


def test_a_definition_may_run_over_several_comment_lines():
    parsed = parse(GOOD, "example.sql")
    assert parsed.definition == "What it counts, over two lines."
    assert parsed.unit is Unit.PERCENT and parsed.polarity is Polarity.HIGHER
    assert parsed.breakdowns == BREAKDOWNS and parsed.sql == "SELECT 1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("-- title: An example\n", ""), "lacks title"),
        (("-- unit: percent", "-- unit: percentage"), "'percentage' is not a valid Unit"),
        (("-- theme: Front door", "-- theme: Elsewhere"), "theme 'Elsewhere'"),
        (("-- period: period", "-- period: period\n-- colour: red"), "unknown key 'colour'"),
        (("-- period: period", "-- period: period\n-- breakdowns: team shoe"), "['shoe']"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name_and_the_fault(change, message):
    with pytest.raises(CatalogueError, match="example.sql") as raised:
        parse(GOOD.replace(*change), "example.sql")
    assert message in str(raised.value)


def test_the_id_must_match_the_file_name():
    with pytest.raises(CatalogueError, match="must match the file name"):
        parse(GOOD, "other.sql")


def test_an_unknown_indicator_names_the_command_that_lists_them():
    with pytest.raises(UnknownIndicator, match="oversight indicators --list"):
        indicator("no-such-thing")


def test_docs_describe_every_indicator_as_its_file_does():
    text = DOC.read_text()
    assert text == with_catalogue(text), "run: python scripts/write_indicator_docs.py"
    for i in catalogue().values():
        assert f"(`{i.id}`)" in text
