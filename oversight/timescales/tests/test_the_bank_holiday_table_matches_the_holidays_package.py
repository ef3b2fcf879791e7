from oversight.timescales.calendar import (
    _bank_holidays_from_the_package,
    _england_bank_holidays,
    _tabled_bank_holidays,
)


def test_every_year_of_the_table_matches_the_holidays_package() -> None:
    years = _tabled_bank_holidays()
    assert min(years) <= 2000 and max(years) >= 2040
    for year in range(min(years), max(years) + 1):
        assert dict(_england_bank_holidays(year)) == _bank_holidays_from_the_package(year), year


def test_a_year_beyond_the_table_comes_from_the_package() -> None:
    assert len(_england_bank_holidays(2060)) >= 8
