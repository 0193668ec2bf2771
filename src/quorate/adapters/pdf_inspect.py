"""Checking uploaded PDFs before they go into a pack, and reading text back out.

``inspect_upload`` refuses, with a message naming the file, anything a pack cannot
safely include: not a PDF at all (a PNG or a Word file renamed ``.pdf``), encrypted or
password-protected, truncated or damaged beyond repair, empty, too big or too long.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium
from pikepdf import Name

from quorate.adapters.pdf_stamp import display_transform

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 1000

_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive or Office document (.docx, .xlsx)",
    b"\xd0\xcf\x11\xe0": "an old-style Office document (.doc, .xls)",
    b"{\\rtf": "an RTF document",
    b"<!DOCTYPE": "an HTML page",
    b"<html": "an HTML page",
}


class PdfRejected(ValueError):
    """An upload that cannot go into a pack. ``str()`` is a message fit for the clerk."""

    def __init__(self, filename: str, reason: str) -> None:
        self.filename = filename
        self.reason = reason
        super().__init__(f"{filename}: {reason}")


@dataclass(frozen=True)
class PdfInfo:
    filename: str
    pages: int
    page_sizes: tuple[tuple[float, float], ...]  # displayed width, height in points
    encrypted: bool
    has_forms: bool
    repaired: bool  # qpdf had to reconstruct part of the file but every page reads
    pages_without_text: tuple[int, ...]  # 1-based; scanned pages need OCR to be accessible
    title: str | None


def _sniff(filename: str, data: bytes) -> None:
    if not data:
        raise PdfRejected(filename, "the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return
    for magic, what in _SIGNATURES.items():
        if data.lstrip()[: len(magic)].lower() == magic.lower():
            raise PdfRejected(filename, f"this is {what}, not a PDF; save or export it as PDF")
    raise PdfRejected(filename, "this is not a PDF file (no %PDF header)")


def _displayed_size(page: pikepdf.Page) -> tuple[float, float]:
    _, width, height = display_transform(page)
    return round(width, 2), round(height, 2)


def inspect_upload(
    filename: str,
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES,
    check_text: bool = True,
) -> PdfInfo:
    """Check one upload and describe it, or raise :class:`PdfRejected` saying why."""
    if len(data) > max_bytes:
        raise PdfRejected(
            filename,
            f"the file is {len(data) / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB",
        )
    _sniff(filename, data)
    if b"%%EOF" not in data[-2048:]:
        raise PdfRejected(
            filename, "the file is incomplete (truncated: no end-of-file marker); upload it again"
        )
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise PdfRejected(
            filename, "the PDF is password-protected; save an unprotected copy and upload that"
        ) from None
    except pikepdf.PdfError as exc:
        raise PdfRejected(filename, f"the PDF is damaged and cannot be read ({exc})") from None
    with pdf:
        if pdf.is_encrypted:
            raise PdfRejected(
                filename,
                "the PDF is encrypted (it restricts printing or copying); "
                "save an unrestricted copy and upload that",
            )
        try:
            pages = len(pdf.pages)
            sizes = tuple(_displayed_size(p) for p in pdf.pages)
            repaired = bool(pdf.get_warnings())
            if repaired:  # make sure every page's content still parses
                for page in pdf.pages:
                    pikepdf.parse_content_stream(page)
        except (pikepdf.PdfError, RuntimeError, ValueError) as exc:
            raise PdfRejected(filename, f"the PDF is damaged and cannot be read ({exc})") from None
        if pages == 0:
            raise PdfRejected(filename, "the PDF has no pages")
        if pages > max_pages:
            raise PdfRejected(filename, f"the PDF has {pages} pages; the limit is {max_pages}")
        has_forms = Name.AcroForm in pdf.Root and len(pdf.Root.AcroForm.get(Name.Fields, [])) > 0
        title = pdf.docinfo.get(Name.Title)
    blank = _pages_without_text(filename, data) if check_text else ()
    return PdfInfo(
        filename=filename,
        pages=pages,
        page_sizes=sizes,
        encrypted=False,
        has_forms=has_forms,
        repaired=repaired,
        pages_without_text=blank,
        title=str(title) if title is not None else None,
    )


def _pages_without_text(filename: str, data: bytes) -> tuple[int, ...]:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise PdfRejected(filename, f"the PDF cannot be read ({exc})") from None
    try:
        empty = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            if not textpage.get_text_range().strip():
                empty.append(index + 1)
            textpage.close()
            page.close()
        return tuple(empty)
    finally:
        doc.close()


def page_texts(data: bytes) -> list[str]:
    """The text of every page, in order (pdfium's reading of it, as a screen reader would)."""
    doc = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        doc.close()
