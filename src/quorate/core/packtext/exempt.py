"""Schedule 12A (Local Government Act 1972): what a paper says about its own publication.

Two places in a pack say that information is exempt:

- a report cover sheet's STATEMENT OF CONFIDENTIALITY ("This report is not for publication
  by virtue of paragraph 3 of Part 1 of Schedule 12A ...");
- the minutes, where an "EXCLUSION OF THE PRESS AND PUBLIC" resolution cites a paragraph
  and the minutes that follow it record what the public did not hear.

The readings here err on the side of withholding: a statement is read as "for publication"
only when it says so (or says nothing restrictive).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARAGRAPH = re.compile(
    r"(?i)\bparagraphs?\s+(\d{1,2})\b[^.;]{0,80}?\bschedule\s*12\s*\(?a\)?", re.S
)
# a restriction negated or lifted: removed before looking for restrictive words
_NEGATED = re.compile(
    r"(?i)\b(?:no|not|non|none of (?:it|the \w+) is)[\s-]+"
    r"(?:(?:considered|deemed|classed|thought|to|be|as|an?|any|contain|contains|containing"
    r"|include|includes|including)\s+){0,4}"
    r"(?:exempt|confidential|restricted|private)\w*"
    r"(?:\s*(?:,|or|and|nor)\s+(?:exempt|confidential|restricted|private)\w*)*"
)
_RESTRICTIVE = re.compile(
    r"(?i)\bnot\s+for\s+(?:public(?:ation)?|press)\b|\bexempt\b|\bexempt information\b"
    r"|\bconfidential\b|\bpart\s*(?:2|ii|two)\b|\bprivate\b|\bexcluded\b"
)
_SENTENCES = re.compile(r"(?<=[.;])\s+(?=[A-Z(])")
_APPENDIX = re.compile(r"(?i)\b(?:appendix|appendices|annex(?:es)?|attachment)\b")
_EXCLUSION = re.compile(
    r"(?i)\bexclusion of (?:the )?(?:press|public)|\b(?:press|public)\s+(?:and\s+(?:the\s+)?"
    r"(?:press|public)\s+)?(?:be|were|was|are)\s+excluded\b|\bexclude the (?:press|public)"
)
_READMITTED = re.compile(
    r"(?i)\b(?:press|public)\b[^.]{0,40}\b(?:re-?admitted|re-?joined|returned)\b"
    r"|\bre-?admi(?:t|tted)\s+the\s+(?:press|public)"
)


@dataclass(frozen=True)
class Statement:
    """What a STATEMENT OF CONFIDENTIALITY says about the report it heads.

    ``paragraph`` is the Schedule 12A paragraph the report itself is withheld under;
    ``restricted`` is true when the report is said to be withheld (with or without a
    paragraph); ``appendix_only`` when only appendices are withheld.
    """

    paragraph: int | None = None
    restricted: bool = False
    appendix_only: bool = False


def _cited(text: str) -> int | None:
    for m in _PARAGRAPH.finditer(text):
        n = int(m.group(1))
        if 1 <= n <= 7:
            return n
    return None


def read_statement(text: str | None) -> Statement:
    """Read a confidentiality statement (the whole of it, lines joined)."""
    if not text:
        return Statement()
    flat = re.sub(r"\s+", " ", text).strip()
    report_paragraph: int | None = None
    report_restricted = False
    appendix_restricted = False
    for sentence in _SENTENCES.split(flat):
        plain = _NEGATED.sub(" ", sentence)
        if not _RESTRICTIVE.search(plain):
            continue
        # "Appendix 2 is not for publication ...": the subject is the appendix
        where = _RESTRICTIVE.search(plain)
        head = plain[: where.start()] if where else plain
        if _APPENDIX.search(head) and not re.search(r"(?i)\b(?:this|the) report\b", head):
            appendix_restricted = True
            continue
        report_restricted = True
        report_paragraph = report_paragraph or _cited(sentence)
    if report_restricted and report_paragraph is None:
        # a paragraph cited elsewhere in the statement (often the sentence after)
        cited = _cited(flat)
        if cited is not None and not appendix_restricted:
            report_paragraph = cited
    return Statement(
        paragraph=report_paragraph,
        restricted=report_restricted,
        appendix_only=appendix_restricted and not report_restricted,
    )


def is_exclusion(title: str, text: str | None) -> bool:
    """Does this minute exclude the press and public?"""
    return bool(_EXCLUSION.search(title) or _EXCLUSION.search(text or ""))


def exclusion_paragraph(title: str, text: str | None, resolutions: tuple[str, ...]) -> int | None:
    return _cited(" ".join([title, text or "", *resolutions]))


def readmits(text: str | None) -> bool:
    """Does this minute record the press and public coming back in?"""
    return bool(_READMITTED.search(text or ""))
