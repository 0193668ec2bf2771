import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorate.core.fuzzy_dates import parse_written_date


@pytest.mark.parametrize(
    ("text", "date", "is_month"),
    [
        ("Apr-18", dt.date(2018, 4, 30), True),
        ("Feb-18", dt.date(2018, 2, 28), True),
        ("Jun-18", dt.date(2018, 6, 30), True),
        ("April 2018", dt.date(2018, 4, 30), True),
        ("08/02/2018", dt.date(2018, 2, 8), False),
        ("14th December 2023", dt.date(2023, 12, 14), False),
        ("Thursday 16th October 2023", dt.date(2023, 10, 16), False),
        ("2024-01-25", dt.date(2024, 1, 25), False),
        ("Sept-24", dt.date(2024, 9, 30), True),
    ],
)
def test_parse_written_date_reads_the_papers_forms(text, date, is_month):
    parsed = parse_written_date(text)
    assert parsed is not None and (parsed.date, parsed.is_month, parsed.text) == (
        date,
        is_month,
        text,
    )


@pytest.mark.parametrize("text", ["", "Ongoing", "31/02/2018", "Foo-18", "Q3", "TBC"])
def test_parse_written_date_returns_none_for_non_dates(text):
    assert parse_written_date(text) is None


@given(st.text(max_size=40))
def test_parse_written_date_never_raises(text):
    parse_written_date(text)
