import polars as pl

from oversight.exchange.cin_census.rules.book import CATALOGUE, Census
from oversight.exchange.cin_census.tests.builders import census, child
from oversight.exchange.validation import FAILURE, RuleBook


def test_a_rule_that_raises_is_a_not_checked_finding_and_the_return_does_not_pass():
    book: RuleBook[Census] = RuleBook(CATALOGUE, id_column="LAchildID")

    @book.rule("8840")
    def broken(cin: Census) -> pl.LazyFrame:
        return cin.cp_plans.select("NoSuchColumn")

    report = book.run(census().lazy(), file="test.xml")
    [finding] = report.findings
    assert (finding.rule, finding.kind, finding.file) == ("8840", FAILURE, "test.xml")
    assert "ColumnNotFoundError" in finding.message
    assert report.exit_status == 1


def test_a_rule_that_fails_as_it_runs_leaves_the_others_run_with_it_reporting():
    # The book's queries run together; one that fails as it runs (not as it is planned)
    # is found out by running each alone, and the rest report as ever.
    book: RuleBook[Census] = RuleBook(CATALOGUE, id_column="LAchildID")

    @book.rule("8840")
    def broken(cin: Census) -> pl.LazyFrame:
        return cin.children.select(pl.col("LAchildID").cast(pl.Int64, strict=True))

    @book.rule("8750")
    def every_child(cin: Census) -> pl.LazyFrame:
        return cin.children.select("LAchildID", "line", "Sex")

    report = book.run(census(child(LAchildID="C1"), child(LAchildID="C2")).lazy(), file="t.xml")
    failed, *found = report.findings
    assert (failed.rule, failed.kind) == ("8840", FAILURE)
    assert "InvalidOperationError" in failed.message
    assert [(f.rule, f.child_id, f.fields, f.file) for f in found] == [
        ("8750", "C1", (("Sex", "M"),), "t.xml"),
        ("8750", "C2", (("Sex", "M"),), "t.xml"),
    ]


def test_a_rule_is_registered_once_under_a_code_from_the_dfe_list():
    book: RuleBook[Census] = RuleBook(CATALOGUE, id_column="LAchildID")
    book.rule("8840")(lambda cin: pl.DataFrame())
    try:
        book.rule("8840")(lambda cin: pl.DataFrame())
    except ValueError as error:
        assert "twice" in str(error)
    else:
        raise AssertionError("a second rule 8840 was accepted")
    try:
        book.rule("9999")
    except KeyError as error:
        assert "no rule '9999'" in str(error)
    else:
        raise AssertionError("a code the DfE does not list was accepted")


def test_messages_and_kinds_are_the_dfes_own():
    assert CATALOGUE["8840"].message == "Child Protection Plan cannot start and end on the same day"
    assert CATALOGUE["8840"].kind == "error"
    assert CATALOGUE["8775Q"].kind == "query"
    assert len(CATALOGUE) == 109
