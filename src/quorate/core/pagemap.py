"""Page-map arithmetic for a Public Document Pack.

A pack is a front sheet (the agenda) followed, in agenda order, by each item's papers:
its report cover sheet and then its appendices. This module works out, from page counts
alone, where everything lands: each item's "(Pages 11 - 56)", the total, the printed
number of every page and the bookmark tree. It never touches a PDF; the adapter
(``quorate.adapters.pdf``) measures the parts and does the rendering.

Two variants: the *public* pack leaves exempt (Part 2) items out entirely; the
*members'* pack keeps them and marks their pages restricted, as it does every page of a
restricted document (an exempt appendix of an open item). A supplement ("To Follow"
papers published later) is simply another pack with its own front sheet, numbered on
its own from 1; :func:`supplement_items` picks its items.

The front sheet is the awkward part: its length can change once the page ranges are
written into it, and the ranges depend on its length. :func:`settle_front_sheet` solves
that fixed point with a render callable supplied by the adapter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

FRONT_SHEET_KEY = "front-sheet"

R = TypeVar("R")


class PageMapError(ValueError):
    """The parts of a pack do not make sense together (the message names the culprit)."""


class Variant(StrEnum):
    PUBLIC = "public"
    MEMBERS = "members"


class ItemStatus(StrEnum):
    PAPERS = "papers"  # has pages in this pack
    NO_PAPERS = "no-papers"  # e.g. "Welcome and apologies": nothing attached
    TO_FOLLOW = "to-follow"  # papers promised, not yet here: "(To Follow)"
    WITHHELD = "withheld"  # exempt (Part 2) and this is the public pack


@dataclass(frozen=True)
class PackDocument:
    """One PDF going into the pack: a report cover sheet or an appendix."""

    key: str  # opaque, unique in the pack; the adapter maps it to the PDF bytes
    title: str  # bookmark title
    pages: int
    # An exempt paper (e.g. an exempt appendix of an open item): stamped RESTRICTED in the
    # members' pack, and refused by the public pack's layout.
    restricted: bool = False

    def __post_init__(self) -> None:
        if self.pages < 1:
            raise PageMapError(f"document {self.key!r} ({self.title}) has no pages")


@dataclass(frozen=True)
class PackItem:
    """An agenda item, in agenda order."""

    number: str
    title: str
    cover: PackDocument | None = None
    appendices: tuple[PackDocument, ...] = ()
    to_follow: bool = False
    exempt: bool = False

    @property
    def documents(self) -> tuple[PackDocument, ...]:
        return ((self.cover,) if self.cover else ()) + self.appendices


@dataclass(frozen=True)
class PageRange:
    """Printed page numbers, inclusive."""

    first: int
    last: int

    @property
    def label(self) -> str:
        if self.first == self.last:
            return f"Page {self.first}"
        return f"Pages {self.first} - {self.last}"


@dataclass(frozen=True)
class Placement:
    """Where one PDF lands in the pack (0-based physical page indices)."""

    key: str
    title: str
    first_index: int
    pages: int
    item_number: str | None = None  # None for the front sheet
    restricted: bool = False

    @property
    def last_index(self) -> int:
        return self.first_index + self.pages - 1


@dataclass(frozen=True)
class ItemPages:
    number: str
    title: str
    status: ItemStatus
    pages: PageRange | None = None
    first_index: int | None = None

    @property
    def label(self) -> str | None:
        """What the front sheet prints after the title, without brackets."""
        if self.pages is not None:
            return self.pages.label
        if self.status is ItemStatus.TO_FOLLOW:
            return "To Follow"
        return None


@dataclass(frozen=True)
class Bookmark:
    title: str
    page_index: int  # 0-based physical index
    children: tuple[Bookmark, ...] = ()


@dataclass(frozen=True)
class Numbering:
    """Physical page ``start_index`` is printed as ``first_number``; pages before it bear none."""

    start_index: int = 0
    first_number: int = 1

    def number_for(self, index: int) -> int | None:
        if index < self.start_index:
            return None
        return self.first_number + index - self.start_index

    def index_for(self, number: int) -> int:
        return self.start_index + number - self.first_number


@dataclass(frozen=True)
class PageMap:
    variant: Variant
    front_sheet_pages: int
    total_pages: int
    numbering: Numbering
    items: tuple[ItemPages, ...]
    placements: tuple[Placement, ...]  # front sheet first, then every included PDF in order
    bookmarks: tuple[Bookmark, ...]

    def item(self, number: str) -> ItemPages:
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(number)

    def number_for(self, index: int) -> int | None:
        return self.numbering.number_for(index)


def _validate(items: tuple[PackItem, ...], variant: Variant) -> None:
    seen_numbers: set[str] = set()
    seen_keys: set[str] = {FRONT_SHEET_KEY}
    for item in items:
        if item.number in seen_numbers:
            raise PageMapError(f"item {item.number} appears twice on the agenda")
        seen_numbers.add(item.number)
        if item.to_follow and item.documents:
            raise PageMapError(
                f"item {item.number} ({item.title}) is marked To Follow but has papers; "
                "clear the To Follow flag once the papers arrive"
            )
        for doc in item.documents:
            if doc.restricted and variant is Variant.PUBLIC and not item.exempt:
                raise PageMapError(
                    f"item {item.number}: {doc.title!r} is restricted and cannot go "
                    "into a public pack"
                )
            if doc.key in seen_keys:
                raise PageMapError(f"item {item.number}: document key {doc.key!r} is used twice")
            seen_keys.add(doc.key)


def build_page_map(
    items: Iterable[PackItem],
    *,
    front_sheet_pages: int,
    variant: Variant = Variant.PUBLIC,
    number_front_sheet: bool = True,
    first_number: int = 1,
    front_sheet_title: str = "Agenda",
) -> PageMap:
    """Lay out a pack whose front sheet has ``front_sheet_pages`` pages.

    With ``number_front_sheet`` (the default) every page is numbered from the front
    sheet's first page; without it the front sheet bears no number and the first paper
    is ``first_number``, the Modern.gov convention seen in the seed packs.
    """
    items = tuple(items)
    if front_sheet_pages < 1:
        raise PageMapError("the front sheet must have at least one page")
    _validate(items, variant)
    numbering = Numbering(0 if number_front_sheet else front_sheet_pages, first_number)
    placements = [Placement(FRONT_SHEET_KEY, front_sheet_title, 0, front_sheet_pages)]
    bookmarks = [Bookmark(front_sheet_title, 0)]
    out_items: list[ItemPages] = []
    cursor = front_sheet_pages
    for item in items:
        if item.exempt and variant is Variant.PUBLIC:
            out_items.append(ItemPages(item.number, item.title, ItemStatus.WITHHELD))
            continue
        if item.to_follow:
            out_items.append(ItemPages(item.number, item.title, ItemStatus.TO_FOLLOW))
            continue
        if not item.documents:
            out_items.append(ItemPages(item.number, item.title, ItemStatus.NO_PAPERS))
            continue
        start = cursor
        children: list[Bookmark] = []
        for doc in item.documents:
            placements.append(
                Placement(
                    doc.key,
                    doc.title,
                    cursor,
                    doc.pages,
                    item.number,
                    item.exempt or doc.restricted,
                )
            )
            if doc is not item.cover:
                children.append(Bookmark(doc.title, cursor))
            cursor += doc.pages
        first, last = numbering.number_for(start), numbering.number_for(cursor - 1)
        assert first is not None and last is not None  # papers always follow the front sheet
        out_items.append(
            ItemPages(item.number, item.title, ItemStatus.PAPERS, PageRange(first, last), start)
        )
        bookmarks.append(Bookmark(f"{item.number}. {item.title}", start, tuple(children)))
    return PageMap(
        variant=variant,
        front_sheet_pages=front_sheet_pages,
        total_pages=cursor,
        numbering=numbering,
        items=tuple(out_items),
        placements=tuple(placements),
        bookmarks=tuple(bookmarks),
    )


@dataclass(frozen=True)
class SettledFrontSheet(Generic[R]):
    """The result of :func:`settle_front_sheet`.

    ``rendered`` is the front sheet rendered for ``page_map``; it has
    ``page_map.front_sheet_pages - padding`` pages, and the adapter appends ``padding``
    blank pages to it (only ever needed if the layout oscillates).
    """

    page_map: PageMap
    rendered: R
    padding: int
    rounds: int


class FrontSheetUnstable(PageMapError):
    """The front sheet never settled within the allowed number of renders."""


def settle_front_sheet(
    items: Iterable[PackItem],
    *,
    render: Callable[[PageMap], R],
    pages_of: Callable[[R], int],
    variant: Variant = Variant.PUBLIC,
    number_front_sheet: bool = True,
    first_number: int = 1,
    front_sheet_title: str = "Agenda",
    initial_guess: int = 1,
    max_rounds: int = 8,
) -> SettledFrontSheet[R]:
    """Find a front-sheet length that agrees with the page ranges printed on it.

    Guess ``k`` pages, lay the pack out, render the front sheet with those ranges and
    count its pages ``n``. If ``n == k`` we are done. If ``n > k`` try again with
    ``k = n``; ``k`` only ever grows, so this terminates. If ``n < k`` (the layout
    oscillates, e.g. longer numbers pushed a line over and back) we keep ``k`` and ask the
    adapter to pad the front sheet with ``k - n`` blank pages, which keeps every printed
    number true.
    """
    items = tuple(items)
    guess = max(1, initial_guess)
    for rounds in range(1, max_rounds + 1):
        page_map = build_page_map(
            items,
            front_sheet_pages=guess,
            variant=variant,
            number_front_sheet=number_front_sheet,
            first_number=first_number,
            front_sheet_title=front_sheet_title,
        )
        rendered = render(page_map)
        actual = pages_of(rendered)
        if actual < 1:
            raise PageMapError("the front sheet rendered to no pages")
        if actual <= guess:
            return SettledFrontSheet(page_map, rendered, guess - actual, rounds)
        guess = actual
    raise FrontSheetUnstable(f"the front sheet did not settle after {max_rounds} renders")


def supplement_items(items: Iterable[PackItem], *, published: PageMap) -> tuple[PackItem, ...]:
    """Items for a supplementary pack: those "To Follow" in ``published`` that now have papers.

    The supplement is laid out with :func:`build_page_map` like any pack (its own front
    sheet, numbered on its own from 1). Exempt items never enter a public supplement.
    """
    awaited = {i.number for i in published.items if i.status is ItemStatus.TO_FOLLOW}
    chosen: list[PackItem] = []
    for item in items:
        if item.number not in awaited or not item.documents or item.to_follow:
            continue
        if item.exempt and published.variant is Variant.PUBLIC:
            continue
        chosen.append(item)
    return tuple(chosen)
