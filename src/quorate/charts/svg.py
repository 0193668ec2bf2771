"""Small helpers for building SVG text safely."""

from __future__ import annotations

import re
from html import escape

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def esc(text: object) -> str:
    """XML-escape text for element content and double-quoted attributes."""
    return escape(str(text), quote=True)


def safe_id(text: str) -> str:
    """An XML id from any text (letters, digits, ``_`` and ``-``; starts with a letter)."""
    cleaned = _ID_UNSAFE.sub("-", text).strip("-") or "chart"
    return cleaned if cleaned[0].isalpha() else f"c-{cleaned}"


def num(x: float) -> str:
    """A coordinate with at most 2 decimals and no trailing zeros."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def fmt_value(x: float, unit: str = "") -> str:
    """A value for people: up to 4 significant figures, with its unit."""
    if x == int(x) and abs(x) < 1e9:
        text = f"{int(x):,}"
    else:
        text = f"{x:,.4g}" if abs(x) >= 1 else f"{x:.3g}"
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    if unit in ("£", "$", "€"):
        return f"-{unit}{text[1:]}" if text.startswith("-") else f"{unit}{text}"
    return f"{text} {unit}"
