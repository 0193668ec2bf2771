"""Text extraction from PDF (pypdfium2) and plain-text files, for the pack parser.

Each page becomes one string. Table cells are kept apart with tabs as far as the PDF
allows: pdfium reports text as runs ("rects"); runs on one baseline are joined with a
space when they nearly touch and with a tab when a gap separates them, which is how a
table's columns look on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium

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
    # group runs into lines: same vertical band (centre within half a line height)
    runs.sort(key=lambda r: (-(r[1] + r[3]) / 2, r[0]))
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for run in runs:
        centre = (run[1] + run[3]) / 2
        height = max(run[3] - run[1], 1.0)
        if lines:
            last = lines[-1][0]
            if abs((last[1] + last[3]) / 2 - centre) <= height / 2:
                lines[-1].append(run)
                continue
        lines.append([run])
    out: list[str] = []
    previous_bottom: float | None = None
    for line in lines:
        line.sort(key=lambda r: r[0])
        height = max(r[3] - r[1] for r in line)
        if previous_bottom is not None and previous_bottom - line[0][3] > height * 0.9:
            out.append("")  # a vertical gap: keep paragraphs apart
        parts = [line[0][4]]
        for prev, run in pairwise(line):
            gap = run[0] - prev[2]
            parts.append(("\t" if gap > height * 1.2 else " ") + run[4])
        out.append("".join(parts))
        previous_bottom = min(r[1] for r in line)
    return "\n".join(out)


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
