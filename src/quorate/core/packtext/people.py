"""People as board papers write them: honorifics, initials, lists and merged table cells."""

from __future__ import annotations

import re
from itertools import pairwise

HONORIFICS = (
    "Councillors",
    "Councillor",
    "Cllrs",
    "Cllr",
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Professor",
    "Prof",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Reverend",
    "Rev",
    "Revd",
)
_HONORIFIC_RE = re.compile(rf"^({'|'.join(HONORIFICS)})\.?(?=\s|$)")
_PLURAL = {"Councillors": "Councillor", "Cllrs": "Cllr"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end a job title, and words that begin one (used to split merged cells).
TITLE_END = _words(
    """
    Officer Director Manager Chair Chairman Commissioner Lead Leader Member
    Administrator Council Integration Business Redesign Services Living Partnership
    Secretary Executive Clinician Adviser Advisor Governance Nursing Health Care
    Communities Housing
    """
)
TITLE_START = _words(
    """
    Chief Director Head Associate Senior Deputy Board Lay Leader Cabinet Service Health
    Adults Commissioner Programme Clinical Interim Assistant Managing Executive Chair
    Democratic Consultant Vice
    """
)
_CONNECTORS = frozenset(["of", "and", "&", "for", "the", "to", "in", "on", "at", "-", "–", "with"])
_INITIALS_TOKEN = re.compile(r"^[A-Z][A-Za-z]?[A-Z][a-z]{0,9}$|^[A-Z]{2,4}$")
_OWNER_TOKEN = re.compile(
    r"^(?:[A-Z]{2,4}|[A-Z]{1,2}[A-Z][a-z]{1,9})(?:/(?:[A-Z]{2,4}|[A-Z]{1,2}[a-z]{1,9}))*$"
)


def split_honorific(name: str) -> tuple[str | None, str]:
    """(honorific, name with the honorific kept) for a name as written."""
    name = " ".join(name.split())
    m = _HONORIFIC_RE.match(name)
    if not m:
        return None, name
    return _PLURAL.get(m.group(1), m.group(1)), name


def clean_name(name: str) -> str:
    """Whitespace and "Linning- Karp" style hyphen breaks repaired."""
    name = re.sub(r"(\w)-\s+(?=[A-Z])", r"\1-", name.strip(" ,;.:"))
    return " ".join(name.split())


def is_owner_text(text: str) -> bool:
    """True for an action owner as written in an Action column: initials or short names
    ("SR/SS", "Cllr Letts", "JRimmer", "DN/JH", "Cllr Letts SR")."""
    tokens = text.replace(",", " ").replace("&", " ").split()
    if not tokens or len(tokens) > 6:
        return False
    i = 0
    seen = False
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("Cllr", "Councillor", "Dr", "Mr", "Mrs", "Ms") and i + 1 < len(tokens):
            if not re.match(r"^[A-Z][a-z'\-]+$", tokens[i + 1]):
                return False
            i += 2
        elif _OWNER_TOKEN.match(tok) or tok in ("and", "/"):
            i += 1
        else:
            return False
        seen = True
    return seen


def split_names(cell: str) -> list[str]:
    """Names run together in one table cell, split at honorifics and else in pairs
    ("Dr Mark Kelsey Councillor Simon Letts", "Suki Sitaram Stephanie Ramsey")."""
    tokens = cell.split()
    chunks: list[list[str]] = []
    for tok in tokens:
        if _HONORIFIC_RE.match(tok) or not chunks:
            chunks.append([tok])
        else:
            chunks[-1].append(tok)
    names: list[str] = []
    for chunk in chunks:
        if _HONORIFIC_RE.match(chunk[0]):
            head, rest = chunk[:3], chunk[3:]
            # "Dr Mark Kelsey" takes two names after the honorific; "Dr Kelsey" one
            if len(chunk) == 2 or (len(chunk) > 2 and len(chunk[2]) == 0):
                head, rest = chunk[:2], chunk[2:]
            names.append(" ".join(head))
            chunk = rest
        if len(chunk) % 2 and len(chunk) > 1 and not names:
            names.append(" ".join(chunk))
            continue
        for i in range(0, len(chunk), 2):
            names.append(" ".join(chunk[i : i + 2]))
    return [clean_name(n) for n in names if n]


def split_initials(cell: str) -> list[str]:
    """Initials run together in one cell: "MK Cllr Letts" -> ["MK", "Cllr Letts"]."""
    tokens = cell.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] in ("Cllr", "Councillor", "Dr", "Mr", "Mrs", "Ms") and i + 1 < len(tokens):
            out.append(f"{tokens[i]} {tokens[i + 1]}")
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


def initials_fit(initials: str, name: str) -> bool:
    """Whether ``initials`` can belong to ``name`` (first letters agree)."""
    honorific, _ = split_honorific(initials)
    bare_name = _HONORIFIC_RE.sub("", name).split()
    if not bare_name:
        return False
    if honorific:
        surname = initials.split()[-1].lower()
        return surname == bare_name[-1].lower()
    return initials[:1].upper() == bare_name[0][:1].upper()


def align_initials(names: list[str], initials: list[str]) -> list[str | None]:
    """Initials matched to names in order; a name without matching initials gets None."""
    out: list[str | None] = []
    j = 0
    for name in names:
        if j < len(initials) and initials_fit(initials[j], name):
            out.append(initials[j])
            j += 1
        else:
            out.append(None)
    return out


def split_titles(text: str, count: int) -> list[str] | None:
    """Job titles run together in one cell split into ``count`` titles, or None when the
    split is not clear ("CCG Chair Leader of the Council" -> 2)."""
    words = text.split()
    if count <= 1:
        return [text] if count == 1 else None
    scored: list[tuple[int, int]] = []
    for i in range(1, len(words)):
        prev, word = words[i - 1], words[i]
        if prev.lower() in _CONNECTORS or not word[:1].isupper() or word.lower() in _CONNECTORS:
            continue
        score = (2 if prev.rstrip(",") in TITLE_END or prev.endswith(")") else 0) + (
            1 if word in TITLE_START else 0
        )
        if score:
            scored.append((score, i))
    if len(scored) < count - 1:
        return None
    scored.sort(key=lambda s: (-s[0], s[1]))
    if len(scored) >= count and scored[count - 2][0] == scored[count - 1][0]:
        return None  # ambiguous: a tie decides where the last cut goes
    cuts = sorted(i for _, i in scored[: count - 1])
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in pairwise(bounds)]


def split_list(text: str) -> list[str]:
    """ "A (Items 7 and 8), B, C and D" -> ["A (Items 7 and 8)", "B", "C", "D"]."""
    parts: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(text):
        ch = text[i]
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch in ",;":
            parts.append(current)
            current = ""
        elif depth == 0 and text.startswith(" and ", i):
            parts.append(current)
            current = ""
            i += 4
        else:
            current += ch
        i += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


ROLE_WORDS = _words(
    """
    Director Officer Manager Administrator Chair Clerk Support Democratic Board Head
    Senior Lead Member Secretary Coordinator Co-ordinator Assistant Advisor Adviser
    """
)


def split_name_role(text: str) -> tuple[str, str | None]:
    """ "Claire Heather Democratic Support Officer" -> ("Claire Heather", "Democratic ...")."""
    if "," in text:
        name, _, role = text.partition(",")
        return clean_name(name), role.strip(" ,") or None
    words = text.split()
    for i, word in enumerate(words[1:], 1):
        if word in ROLE_WORDS:
            return " ".join(words[:i]), " ".join(words[i:])
    return clean_name(text), None
