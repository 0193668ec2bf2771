"""Helpers shared by the document parsers: the warning sink and small text utilities."""

from __future__ import annotations

import re
from collections.abc import Sequence

from quorate.core.packtext.model import Contact, ParseWarning
from quorate.core.packtext.normalise import Line
from quorate.core.packtext.people import split_name_role

# An item or minute number as councils print them: "4", "1.1", "17/21" (minute 17 of 2021),
# "GBP/2122/255" (a committee code, municipal year and running number), roman "II".
# The agenda front sheet's pattern (frontsheet._ITEM) accepts the same styles.
ITEM_NUMBER = r"(?:[A-Z]{2,5}/\d{2,4}/\d{1,4}|\d{1,3}/\d{2,4}|\d{1,3}(?:\.\d{1,2})?|[IVXL]{1,6})"
_STYLES = (
    ("code", re.compile(r"[A-Z]{2,5}/\d{2,4}/\d{1,4}")),
    ("year", re.compile(r"\d{1,3}/\d{2,4}")),
    ("decimal", re.compile(r"\d{1,3}\.\d{1,2}")),
    ("digits", re.compile(r"\d{1,3}")),
    ("roman", re.compile(r"[IVXL]{1,6}")),
)


def number_style(number: str) -> str | None:
    """Which numbering style an item number is in ("digits", "decimal", "year", "code",
    "roman"), so that a list keeps to the style it started in."""
    return next((name for name, pattern in _STYLES if pattern.fullmatch(number)), None)


_EMAIL = re.compile(r"[\w.+'\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PHONE = re.compile(r"(?:\+44\s?|0)\d[\d ]{3,14}\d")


class Sink:
    """Collects warnings; each cites the line (and page, for a PDF) it is about."""

    def __init__(self) -> None:
        self.items: list[ParseWarning] = []

    def warn(self, line: Line | None, message: str) -> None:
        self.items.append(
            ParseWarning(
                line=line.no if line else None, page=line.page if line else None, message=message
            )
        )


def filled(lines: Sequence[Line]) -> list[Line]:
    return [line for line in lines if not line.blank]


def join_text(parts: Sequence[str]) -> str | None:
    text = "\n".join(p.strip() for p in parts if p.strip())
    return text or None


def strip_bullet(text: str) -> str:
    return re.sub(r"^(?:[-–•·*]\s+)+", "", text).strip()


def find_email(text: str) -> str | None:
    m = _EMAIL.search(text)
    return m.group(0).rstrip(".") if m else None


def find_phone(text: str) -> str | None:
    m = _PHONE.search(text)
    return " ".join(m.group(0).split()) if m else None


def contact_from(text: str) -> Contact | None:
    """A contact from "Name, Role, Tel: ..., Email: ..." style text."""
    email = find_email(text)
    phone = find_phone(_EMAIL.sub("", text))
    rest = _EMAIL.sub("", text)
    rest = re.sub(r"(?i)\b(?:e-?mail|tel(?:ephone)?|phone)\s*:?", " ", rest)
    if phone:
        rest = rest.replace(phone, " ")
        rest = _PHONE.sub(" ", rest)
    rest = " ".join(rest.split()).strip(" ,;:")
    name: str | None = None
    role: str | None = None
    if rest:
        name, role = split_name_role(rest)
    if not (name or email or phone):
        return None
    return Contact(name=name or None, role=role, phone=phone, email=email)
