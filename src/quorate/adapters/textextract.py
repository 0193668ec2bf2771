"""Text extraction from PDF (pypdfium2) and plain-text files, for the pack parser.

Each page becomes one string. Table cells are kept apart with tabs as far as the PDF
allows: pdfium reports text as runs ("rects"); runs on one baseline are joined with a
space when they nearly touch and with a tab when a gap separates them, which is how a
table's columns look on the page. A table cell that wraps over several lines is folded
back into its row (see ``quorate.core.pdftables``), so a table row is one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from quorate.core.pdftables import page_text

PDF_MAGIC = b"%PDF-"


class ExtractionError(Exception):
    """The file cannot be read as a board paper; the message names the file."""


@dataclass(frozen=True)
class Extracted:
    """The text of a file: one string per page; ``pdf`` is False for a text file."""

    pages: list[str]
    pdf: bool


def _page_text(textpage: pdfium.PdfTextPage) -> str:
    count = textpage.count_rects()
    if count == 0:
        return textpage.get_text_range()
    runs: list[tuple[float, float, float, float, str]] = []
    for i in range(count):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top)
        text = " ".join(text.replace("\r", " ").replace("\n", " ").split())
        if text:
            runs.append((left, bottom, right, top, text))
    return page_text(runs)


def extract_pdf(path: Path) -> Extracted:
    data = path.read_bytes()
    if not data.lstrip()[:5].startswith(PDF_MAGIC):
        raise ExtractionError(f"{path}: not a PDF (the file does not start with %PDF-)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise ExtractionError(f"{path}: the PDF is encrypted; give an unlocked copy") from exc
        raise ExtractionError(f"{path}: cannot read the PDF ({message})") from exc
    pages: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                pages.append(_page_text(textpage))
            finally:
                textpage.close()
                page.close()
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"{path}: page {len(pages) + 1} cannot be read ({exc})") from exc
    finally:
        document.close()
    return Extracted(pages=pages, pdf=True)


def extract_text(path: Path) -> Extracted:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{path}: binary data, not a text extraction")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ExtractionError(f"{path}: not UTF-8 or Windows-1252 text") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():  # the whole decoded text, not just its first kilobyte
        raise ExtractionError(f"{path}: the file is empty (blank space only)")
    return Extracted(pages=text.split("\f") if "\f" in text else [text], pdf=False)


def extract(path: Path) -> Extracted:
    """The text of ``path``: a PDF by its content (or ``.pdf`` name), else a text file."""
    if not path.exists():
        raise ExtractionError(f"{path}: no such file")
    if path.is_dir():
        raise ExtractionError(f"{path}: is a directory, not a file")
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not head or (not head.strip() and path.suffix.lower() == ".pdf"):
        raise ExtractionError(f"{path}: the file is empty")
    try:
        if path.suffix.lower() == ".pdf" or head.lstrip().startswith(PDF_MAGIC):
            return extract_pdf(path)
        return extract_text(path)
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot be read ({exc.strerror})") from exc
