"""Line normalisation: markup, page furniture and words split by text extraction.

Input is the text of each page; output is one :class:`Line` per input line, numbered
1-based across the whole input so that warnings can cite it. Lines that are page
furniture ("Page 12", "This page is intentionally left blank", lone page numbers,
stray symbols) come out blank rather than disappearing, so numbering never shifts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from quorate.core.packtext.vocab import (
    HEADING_WORDS,
    KNOWN,
    OCR_TOKENS,
    closest_heading_word,
    match_case,
)


@dataclass(frozen=True)
class Line:
    """One normalised line. ``cells`` keeps the table structure (tab-separated cells)."""

    no: int
    page: int | None
    cells: tuple[str, ...]

    @property
    def text(self) -> str:
        """The non-empty cells joined by single spaces."""
        return " ".join(c for c in self.cells if c)

    @property
    def filled(self) -> tuple[str, ...]:
        return tuple(c for c in self.cells if c)

    @property
    def blank(self) -> bool:
        return not any(self.cells)

    @property
    def tabbed(self) -> bool:
        return len(self.cells) > 1


_MARKUP = re.compile(r"</?(?:u|b|i|em|strong|span)\s*>|\*\*|__")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u00ad\u200b-\u200f\ufeff\ue000-\uf8ff\ufffd]")
_STRAY = re.compile(r"^[\s\-–—•·\u2020\u2021|_.,;:~\\/*+=()\[\]{}<>^'\"`]*$")
_PAGE_FOOTER = re.compile(r"^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-)$", re.I)
_TRAILING_PAGE = re.compile(r"\s+Page\s+\d{1,4}$")
_BLANK_PAGE = re.compile(r"^this page (?:is )?intentionally (?:been )?left blank\.?$", re.I)
_LONE_NUMBER = re.compile(r"^\d{1,3}$")
_LONE_LETTER = re.compile(r"^[A-Za-z]\.?$")
_LEADING_SYMBOL = re.compile(r"^[\u2020\u2021\u2022\u00b7\uf0b7\u25aa\u25cf]+\s*")
_WORD_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$")


# a dotless "ı" opening a fragment of a Latin word is a stray glyph ("Ou<TAB>ır Plan")
_STRAY_DOTLESS = re.compile(r"^\u0131(?=[a-z])")


def _clean_cell(cell: str) -> str:
    cell = _CONTROL.sub("", cell.replace("\u00a0", " "))
    cell = _STRAY_DOTLESS.sub("", cell.strip())
    cell = _MARKUP.sub("", cell)
    cell = _LEADING_SYMBOL.sub("", cell.strip())
    cell = _TRAILING_PAGE.sub("", cell)
    cell = " ".join(OCR_TOKENS.get(tok, tok) for tok in cell.split())
    if _STRAY.match(cell) or _PAGE_FOOTER.match(cell):
        return ""
    return cell


@lru_cache(maxsize=65536)
def _join(left: str, right: str, across_cells: bool) -> str | None:
    """The repaired word when ``left`` and ``right`` are fragments of one word."""
    lm = _WORD_EDGE.match(left)
    rm = _WORD_EDGE.match(right)
    if not lm or not rm or lm.group(3) or (rm.group(1) and not across_cells):
        return None
    lcore, rcore = lm.group(2), rm.group(2)
    if not lcore or not rcore or not (lcore + rcore).replace("-", "").isalpha():
        return None
    key = (lcore + rcore).lower()
    lk, rk = lcore.lower() in KNOWN, rcore.lower() in KNOWN
    if lk and rk:
        return None
    # a whole heading word on either side is not a fragment: only an exact join then
    whole = lcore.lower() in HEADING_WORDS or rcore.lower() in HEADING_WORDS
    fuzzy = not whole and (
        across_cells or (not lk and len(lcore) >= 3 and (len(rcore) <= 3 or not rk))
    )
    word = closest_heading_word(key, fuzzy, 2 if across_cells else 1)
    if word is None:
        return None
    return lm.group(1) + match_case(word, lcore + rcore) + rm.group(3)


def _repair_words(cell: str, fuzzy_ok: bool) -> str:
    tokens = cell.split(" ")
    if len(tokens) < 2:
        return cell
    out: list[str] = [tokens[0]]
    for tok in tokens[1:]:
        joined = _join(out[-1], tok, False) if (fuzzy_ok or len(out[-1]) < 8) else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(tok)
    return " ".join(out)


def _untangle(cells: list[str]) -> list[str]:
    """Two runs of text printed over each other: "Quality Update including Provid Provider
    Exit Guidance<TAB>er Fai<TAB>lure and". The fragment "Provid" is followed by the word
    it starts ("Provider") and the next cell finishes it ("er"): the run from that word
    ("Provider Exit Guidance") was printed over the title and belongs after the rest."""
    for i in range(len(cells) - 1):
        cell, nxt = cells[i], cells[i + 1]
        if not cell or not nxt or not nxt[0].islower():
            continue
        toks, rest = cell.split(" "), nxt.split(" ")
        for k in range(len(toks) - 2, -1, -1):
            frag = toks[k]
            if (
                len(frag) >= 3
                and frag.isalpha()
                and frag.lower() not in KNOWN
                and toks[k + 1].lower() == (frag + rest[0]).lower()
            ):
                moved = toks[k + 1 :]
                merged = " ".join([*toks[:k], frag + rest[0], *rest[1:]]).strip()
                out = [*cells[:i], merged, *cells[i + 2 :]]
                last = max(j for j, c in enumerate(out) if c)
                out[last] = f"{out[last]} {' '.join(moved)}"
                return out
    return cells


def _repair_cells(cells: list[str]) -> list[str]:
    """Drop truncated copies of the next cell and join words split across cells."""
    cells = _untangle(cells)
    out: list[str] = []
    for cell in cells:
        if not cell:
            out.append(cell)
            continue
        prev_i = next((i for i in range(len(out) - 1, -1, -1) if out[i]), None)
        if prev_i is not None:
            prev = out[prev_i]
            gap = len(out) - prev_i - 1
            # "Statuto<TAB>Statutory power", "KEY DE<TAB>KEY DECISION?"
            if gap == 0 and len(prev) >= 2 and cell.startswith(prev) and cell != prev:
                out[prev_i] = cell
                continue
            # "AFFECTED:<TAB><TAB>FECTED:" (a truncated repeat of the previous label)
            if len(cell) >= 4 and prev.endswith(cell) and cell.endswith(":") and prev != cell:
                out.append("")
                continue
            if gap == 0:
                ltoks, rtoks = prev.split(" "), cell.split(" ")
                joined = _join(ltoks[-1], rtoks[0], True)
                if joined is None and len(rtoks) == 1 and len(out) >= 2 and out[-1]:
                    joined = None
                if joined is not None:
                    out[prev_i] = " ".join([*ltoks[:-1], joined, *rtoks[1:]])
                    continue
        out.append(cell)
    # three-way fragments: "RECON<TAB>IMENDA<TAB>TIONS:"
    i = 0
    while i + 2 < len(out):
        a, b, c = out[i], out[i + 1], out[i + 2]
        if a and b and c and " " not in b:
            ltoks, rtoks = a.split(" "), c.split(" ")
            joined = _join(ltoks[-1] + b, rtoks[0], True)
            if joined is not None:
                out[i : i + 3] = [" ".join([*ltoks[:-1], joined, *rtoks[1:]])]
                continue
        i += 1
    return out


def normalise_line(raw: str) -> tuple[str, ...]:
    """The cleaned cells of one raw line (an empty tuple for a blank or furniture line)."""
    raw = raw.rstrip("\r\n")
    if not raw.strip():
        return ()
    cells = [_clean_cell(c) for c in raw.split("\t")]
    if len(cells) > 1:
        cells = _repair_cells(cells)
    cells = [_repair_words(c, len(c) <= 60) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        return ()
    text = " ".join(c for c in cells if c)
    if _BLANK_PAGE.match(text) or _PAGE_FOOTER.match(text) or _LONE_LETTER.match(text):
        return ()
    return tuple(cells)


def normalise(pages: Sequence[str], *, numbered_pages: bool) -> list[Line]:
    """Normalise every line of every page; ``numbered_pages`` records page numbers."""
    lines: list[Line] = []
    no = 0
    for page_index, page in enumerate(pages):
        page_no = page_index + 1 if numbered_pages else None
        for raw in page.split("\n"):
            no += 1
            lines.append(Line(no=no, page=page_no, cells=normalise_line(raw)))
    # lone page numbers between blank lines ("5" at the foot of a page)
    for i, line in enumerate(lines):
        if (
            len(line.cells) == 1
            and _LONE_NUMBER.match(line.cells[0])
            and (i + 1 >= len(lines) or lines[i + 1].blank)
            and (i == 0 or lines[i - 1].blank)
        ):
            lines[i] = Line(no=line.no, page=line.page, cells=())
    return lines
