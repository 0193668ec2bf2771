"""Reading a database id from text a user sent (an address, a form field)."""

from __future__ import annotations


def parse_id(value: object) -> int | None:
    """The id ``value`` spells in ASCII digits, else ``None``.

    ``str.isdigit`` also accepts "²" or "٣", which ``int`` refuses or reads as another
    number; an id is only ever plain digits.
    """
    text = str(value) if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() else None
