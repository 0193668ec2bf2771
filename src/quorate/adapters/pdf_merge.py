"""Assembling a pack: concatenate PDFs, number every page, add bookmarks and metadata.

Everything here is pikepdf (qpdf underneath), so the heavy lifting (copying page
trees, fonts, images; writing the file) is C++. Form fields survive: pages are copied
with ``Pdf.add_pages_from`` which merges each part's AcroForm and renames clashing
field names; annotations (notes, links) travel with their pages. ``forms="flatten"``
burns fields and annotations into the page content instead, for a print-only pack.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from quorate.adapters.pdf_stamp import Stamper
from quorate.adapters.pdf_tags import TagMerger
from quorate.core.pagemap import Bookmark, Numbering, PageMap

PRODUCER = "Quorate (pikepdf/qpdf)"

Source = bytes | str | Path
Forms = Literal["preserve", "flatten", "strip"]


class AssemblyError(ValueError):
    """A part could not be assembled; the message names it."""


@dataclass(frozen=True)
class Part:
    source: Source
    name: str = ""  # used in error messages: the upload's file name or a document key
    restricted: bool = False
    expected_pages: int | None = None  # checked once opened (a page map's promise)
    title: str = ""  # the part's name in the merged structure tree (for screen readers)


def readable(source: Source) -> io.BytesIO | Path:
    return io.BytesIO(source) if isinstance(source, bytes) else Path(source)


def _open(part: Part, index: int) -> pikepdf.Pdf:
    name = part.name or (str(part.source) if not isinstance(part.source, bytes) else "")
    label = name or f"part {index + 1}"
    try:
        return pikepdf.open(readable(part.source))
    except pikepdf.PasswordError:
        raise AssemblyError(f"{label}: the PDF is password-protected") from None
    except (pikepdf.PdfError, OSError) as exc:
        raise AssemblyError(f"{label}: cannot be read as a PDF ({exc})") from None


def _outline_items(bookmarks: Iterable[Bookmark], pages: int) -> list[pikepdf.OutlineItem]:
    items = []
    for mark in bookmarks:
        if not 0 <= mark.page_index < pages:
            raise AssemblyError(f"bookmark {mark.title!r} points past the end of the pack")
        item = pikepdf.OutlineItem(mark.title, mark.page_index)
        item.children.extend(_outline_items(mark.children, pages))
        items.append(item)
    return items


def _page_labels(numbering: Numbering, pages: int) -> Dictionary:
    nums: list[object] = []
    if numbering.start_index > 0:
        nums += [0, Dictionary(P=String("Agenda "), S=Name.D)]
    if numbering.start_index < pages:
        nums += [numbering.start_index, Dictionary(S=Name.D, St=numbering.first_number)]
    return Dictionary(Nums=Array(nums))


def _set_metadata(pdf: pikepdf.Pdf, *, title: str, lang: str) -> None:
    pdf.Root.Lang = String(lang)
    prefs = pdf.Root.get(Name.ViewerPreferences) or Dictionary()
    prefs.DisplayDocTitle = True
    pdf.Root.ViewerPreferences = prefs
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["pdf:Producer"] = PRODUCER
    pdf.docinfo[Name.Title] = String(title)
    pdf.docinfo[Name.Producer] = String(PRODUCER)
    pdf.docinfo[Name.Creator] = String("Quorate")


def assemble(
    parts: Sequence[Part | Source],
    *,
    title: str,
    lang: str = "en-GB",
    bookmarks: Sequence[Bookmark] = (),
    numbering: Numbering | None = None,
    stamp_label: str = "Page {n}",
    restricted: bool = False,
    forms: Forms = "preserve",
    tags: bool = True,
    out: str | Path | BinaryIO | None = None,
) -> bytes:
    """Concatenate ``parts`` into one PDF, number its pages and add bookmarks.

    ``numbering`` says which physical page bears which number (default: every page,
    from 1). ``restricted=True`` stamps the RESTRICTED banner on every page; a
    :class:`Part` with ``restricted=True`` gets it on its own pages only. With ``tags``
    the parts' structure trees (PDF/UA tagging) are merged into one. With ``out``
    the PDF is written there and ``b""`` is returned; otherwise the bytes are returned.
    """
    numbering = numbering or Numbering()
    pdf = pikepdf.new()
    sources: list[pikepdf.Pdf] = []
    flags: list[bool] = []
    merger = TagMerger(pdf) if tags else None
    try:
        for index, raw in enumerate(parts):
            part = raw if isinstance(raw, Part) else Part(raw)
            src = _open(part, index)
            sources.append(src)
            if part.expected_pages is not None and len(src.pages) != part.expected_pages:
                raise AssemblyError(
                    f"{part.name or f'part {index + 1}'}: has {len(src.pages)} pages but "
                    f"the page map expects {part.expected_pages}"
                )
            result = pdf.add_pages_from(src, forms="strip" if forms == "strip" else "preserve")
            if merger is not None:
                merger.add(src, len(flags), part.title or part.name or f"Part {index + 1}")
            flags += [part.restricted or restricted] * result.pages_added
        if not flags:
            raise AssemblyError("nothing to assemble: no pages")
        if forms == "flatten":
            pdf.generate_appearance_streams()
            pdf.flatten_annotations("all")
        stamper = Stamper(pdf, label=stamp_label)
        for index, page in enumerate(pdf.pages):
            stamper.stamp(page, numbering.number_for(index), restricted=flags[index])
        if bookmarks:
            with pdf.open_outline() as outline:
                outline.root.extend(_outline_items(bookmarks, len(flags)))
            pdf.Root.PageMode = Name.UseOutlines
        pdf.Root.PageLabels = _page_labels(numbering, len(flags))
        if merger is not None:
            merger.finish(lang)
        _set_metadata(pdf, title=title, lang=lang)
        if out is not None:
            pdf.save(out)
            return b""
        buffer = io.BytesIO()
        pdf.save(buffer)
        return buffer.getvalue()
    finally:
        pdf.close()
        for src in sources:
            src.close()


def pad_pdf(source: Source, blank_pages: int) -> bytes:
    """Append ``blank_pages`` blank pages the size of the last page (front-sheet padding)."""
    with pikepdf.open(readable(source)) as pdf:
        last = pdf.pages[-1]
        box = [float(v) for v in last.mediabox]
        for _ in range(blank_pages):
            pdf.add_blank_page(page_size=(box[2] - box[0], box[3] - box[1]))
        buffer = io.BytesIO()
        pdf.save(buffer)
        return buffer.getvalue()


def assemble_pack(
    page_map: PageMap,
    sources: Mapping[str, Source],
    *,
    title: str,
    lang: str = "en-GB",
    stamp_label: str = "Page {n}",
    forms: Forms = "preserve",
    tags: bool = True,
    verify: bool = True,
    out: str | Path | BinaryIO | None = None,
) -> bytes:
    """Assemble the PDFs named by ``page_map`` (front sheet under ``FRONT_SHEET_KEY``).

    Only the placements in the map are read, so an exempt paper left out of a public
    map cannot reach the output even if its bytes are in ``sources``. With ``verify``
    each part's page count is checked against the map first (a mismatch would put
    wrong numbers on the front sheet).
    """
    parts: list[Part] = []
    # In the structure tree an item's first paper is named after the item.
    item_starts: dict[tuple[str | None, int | None], str] = {
        (i.number, i.first_index): f"{i.number}. {i.title}" for i in page_map.items
    }
    for placement in page_map.placements:
        if placement.key not in sources:
            raise AssemblyError(f"{placement.key}: no PDF supplied for {placement.title!r}")
        expected = placement.pages if verify else None
        part_title = item_starts.get(
            (placement.item_number, placement.first_index), placement.title
        )
        parts.append(
            Part(sources[placement.key], placement.key, placement.restricted, expected, part_title)
        )
    return assemble(
        parts,
        title=title,
        lang=lang,
        bookmarks=page_map.bookmarks,
        numbering=page_map.numbering,
        stamp_label=stamp_label,
        forms=forms,
        tags=tags,
        out=out,
    )
