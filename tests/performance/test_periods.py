import datetime as dt

import pytest

from quorate.performance import periods


@pytest.mark.parametrize(
    ("text", "frequency", "start"),
    [
        ("Q1 2023/24", "quarterly", dt.date(2023, 4, 1)),
        ("Q4 2023/24", "quarterly", dt.date(2024, 1, 1)),
        ("2023/24 Q3", "quarterly", dt.date(2023, 10, 1)),
        ("Quarter 2 2023-24", "quarterly", dt.date(2023, 7, 1)),
        ("2017/18", "annual", dt.date(2017, 4, 1)),
        ("2017-2018", "annual", dt.date(2017, 4, 1)),
        ("March 2018", "monthly", dt.date(2018, 3, 1)),
        ("Feb-18", "monthly", dt.date(2018, 2, 1)),
        ("2018-03", "monthly", dt.date(2018, 3, 1)),
        ("2023-07-01", "quarterly", dt.date(2023, 7, 1)),
        (dt.datetime(2023, 7, 1), "quarterly", dt.date(2023, 7, 1)),
    ],
)
def test_parse_period_reads_the_labels_papers_use(text, frequency, start):
    assert periods.parse_period(text, frequency) == start


@pytest.mark.parametrize(
    ("text", "frequency", "message"),
    [
        ("Q1 2023/24", "monthly", "is a quarter but the indicator is monthly"),
        ("2023/25", "annual", "years must be consecutive"),
        ("2023-05-01", "quarterly", "a quarter starts in April, July, October or January"),
        ("2023-04-15", "monthly", "starts on the 1st of a month"),
        ("2023-05", "annual", "a financial year starts in April"),
        ("", "monthly", "the period is empty"),
        ("sometime", "monthly", "is not a period"),
        ("2018-13", "monthly", "there is no month 13"),
    ],
)
def test_parse_period_explains_what_is_wrong(text, frequency, message):
    with pytest.raises(ValueError, match=message):
        periods.parse_period(text, frequency)


def test_period_labels_and_ends_follow_the_financial_year():
    assert periods.period_label("quarterly", dt.date(2024, 1, 1)) == "Q4 2023/24"
    assert periods.period_label("annual", dt.date(2017, 4, 1)) == "2017/18"
    assert periods.period_label("monthly", dt.date(2018, 3, 1)) == "March 2018"
    assert periods.period_end("quarterly", dt.date(2023, 10, 1)) == dt.date(2023, 12, 31)
    assert periods.period_end("annual", dt.date(2017, 4, 1)) == dt.date(2018, 3, 31)
    assert periods.period_end("monthly", dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)


def test_unknown_frequency_is_refused():
    with pytest.raises(ValueError, match="unknown frequency"):
        periods.period_label("weekly", dt.date(2024, 1, 1))
