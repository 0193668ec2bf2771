"""Vocabulary for repairing words that text extraction split across table cells or spaces.

A fragment pair is joined only when the joined token is (or is one or two letters away
from) a word that board papers use in headings and labels; the list is about the genre,
not about any one paper.
"""

from __future__ import annotations

from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HEADING_WORDS = _words(
    """
    welcome welcomed apologies apology members membership member minutes minute meeting
    meetings previous declarations declaration interest interests present attendance
    absent substitute substitutes decision decisions decision-maker recommendations
    recommendation summary statement confidentiality reasons alternative options
    considered rejected implications legal statutory management framework policy
    communities affected supporting documentation appendices appendix documents equality
    impact assessment privacy protection commissioning integrated accepted noted board
    director directors report reports action actions tracker progress deadline subject
    agenda business resolved resolution councillor councillors chair vice-chair public
    partnership health wellbeing detail including consultation carried resource
    resources capital revenue property conflict risk contact details author title
    information discussion attachment attached follow matters arising approved approval
    agreed arrangements governance performance quality update quarterly finance
    financial strategy operating officer executive services service children adults
    council organisation organisations programme delivery improvement background paper
    papers procedure schedule exempt confidential relevant paragraph access inspection
    available required carried-out pecuniary disclosable personal prejudicial other
    protection terms reference memorandum understanding steering working group groups
    transformation priorities southampton portsmouth hampshire wards affected key
    assessment purpose requested written title signed date next election changes vice
    welcome accepted failure provider providers guidance our plan
    """
)

# Short or everyday words that are words on their own: a pair of these is never joined.
COMMON_WORDS = _words(
    """
    a an and are as at be been by can do for from had has have he her his i if in into
    is it its me my no not of on or our she so than that the their them then there these
    they this to up us was we were what when which who will with you all any new one two
    out off per via
    """
)

KNOWN = HEADING_WORDS | COMMON_WORDS

# Known OCR confusions of honorifics ("Clir", "CIIr" for "Cllr").
OCR_TOKENS = {"Clir": "Cllr", "CIIr": "Cllr", "Cilr": "Cllr", "ClIr": "Cllr", "CIlr": "Cllr"}

# Heading phrases whose first word extraction sometimes loses the start of.
HEADING_PHRASES = (
    "Declarations of Interest",
    "Welcome and Apologies",
    "Apologies and Changes in Membership",
    "Minutes of the Previous Meeting",
    "Matters Arising",
    "Any Other Business",
    "Date of Next Meeting",
    "Action Tracker",
)

# Candidates for a damaged word share its first two or its last three letters: damage
# rarely reaches both ends of a word.
_BY_PREFIX: dict[str, tuple[str, ...]] = {}
_BY_SUFFIX: dict[str, tuple[str, ...]] = {}
for _w in sorted(HEADING_WORDS):
    _BY_PREFIX[_w[:2]] = (*_BY_PREFIX.get(_w[:2], ()), _w)
    _BY_SUFFIX[_w[-3:]] = (*_BY_SUFFIX.get(_w[-3:], ()), _w)


def distance_at_most(a: str, b: str, limit: int) -> bool:
    """True when the Levenshtein distance between ``a`` and ``b`` is at most ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return False
    # each edit changes at most two letter counts: a cheap test before the full table
    if sum(abs(a.count(c) - b.count(c)) for c in set(a) | set(b)) > 2 * limit:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return False
        previous = current
    return previous[-1] <= limit


@lru_cache(maxsize=8192)
def closest_heading_word(token: str, fuzzy: bool, max_limit: int = 2) -> str | None:
    """The vocabulary word ``token`` (lower case) is, or is close to; ``None`` if none."""
    if token in HEADING_WORDS:
        return token
    if not fuzzy or len(token) < 6:
        return None
    limit = min(max_limit, 2 if len(token) >= 10 else 1)
    for word in (*_BY_PREFIX.get(token[:2], ()), *_BY_SUFFIX.get(token[-3:], ())):
        if abs(len(word) - len(token)) <= limit and distance_at_most(token, word, limit):
            return word
    return None


def match_case(word: str, like: str) -> str:
    """``word`` written in the case style of ``like`` (UPPER, Title or lower)."""
    letters = [c for c in like if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return word.upper()
    if letters and letters[0].isupper():
        return word[0].upper() + word[1:]
    return word
