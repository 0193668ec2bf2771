"""The PDF engine for Public Document Packs: the one import the rest of Quorate needs.

- :func:`render_html` / :func:`render_document`: HTML to tagged PDF (WeasyPrint).
- :func:`inspect_upload`: check an uploaded paper, or raise :class:`PdfRejected`.
- :func:`assemble` / :func:`assemble_pack`: merge, number every page, bookmark (pikepdf).
- :func:`compile_pack`: all of it for one pack, front sheet included.
- :func:`page_texts`: text per page (pypdfium2), for search and for tests.

The page arithmetic lives in the pure core, :mod:`quorate.core.pagemap`. See
``docs/pdf-engine.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from quorate.adapters.pdf_inspect import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    PdfInfo,
    PdfRejected,
    inspect_upload,
    page_texts,
)
from quorate.adapters.pdf_merge import (
    AssemblyError,
    Forms,
    Part,
    Source,
    assemble,
    assemble_pack,
    pad_pdf,
    readable,
)
from quorate.adapters.pdf_render import RenderedPdf, render_document, render_html
from quorate.core.pagemap import (
    FRONT_SHEET_KEY,
    PackItem,
    PageMap,
    Variant,
    settle_front_sheet,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PAGES",
    "AssemblyError",
    "CompiledPack",
    "Forms",
    "Part",
    "PdfInfo",
    "PdfRejected",
    "RenderedPdf",
    "Source",
    "assemble",
    "assemble_pack",
    "compile_pack",
    "count_pages",
    "inspect_upload",
    "page_texts",
    "render_document",
    "render_html",
]


def count_pages(source: Source) -> int:
    with pikepdf.open(readable(source)) as pdf:
        return len(pdf.pages)


@dataclass(frozen=True)
class CompiledPack:
    data: bytes
    page_map: PageMap
    front_sheet_renders: int  # how many renders the front sheet took to settle


def compile_pack(
    items: Iterable[PackItem],
    sources: Mapping[str, Source],
    *,
    front_sheet_html: Callable[[PageMap], str],
    title: str,
    lang: str = "en-GB",
    variant: Variant = Variant.PUBLIC,
    number_front_sheet: bool = True,
    front_sheet_title: str = "Agenda",
    base_url: str | Path | None = None,
    forms: Forms = "preserve",
) -> CompiledPack:
    """Compile one pack: settle and render the front sheet, then assemble everything.

    ``items`` carry each document's key and page count (from :func:`inspect_upload` at
    upload time); ``sources`` maps those keys to the PDFs. ``front_sheet_html`` turns a
    page map into the agenda's HTML (page ranges from ``ItemPages.label``).
    """
    settled = settle_front_sheet(
        items,
        render=lambda page_map: render_document(front_sheet_html(page_map), base_url),
        pages_of=lambda rendered: rendered.pages,
        variant=variant,
        number_front_sheet=number_front_sheet,
        front_sheet_title=front_sheet_title,
    )
    front = settled.rendered.data
    if settled.padding:
        front = pad_pdf(front, settled.padding)
    data = assemble_pack(
        settled.page_map,
        {**sources, FRONT_SHEET_KEY: front},
        title=title,
        lang=lang,
        forms=forms,
    )
    return CompiledPack(data, settled.page_map, settled.rounds)
