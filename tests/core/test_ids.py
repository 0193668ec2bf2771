import pytest

from quorate.core.ids import parse_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (7, 7),
        ("007", 7),
        ("\u00b2", None),
        ("\u0663", None),
        ("4a", None),
        ("", None),
        (None, None),
        ("-3", None),
        (" 5", None),
    ],
)
def test_only_plain_ascii_digits_are_ids(value, expected):
    assert parse_id(value) == expected
