"""Stamping page numbers and the restricted banner onto existing PDF pages (pikepdf).

Geometry: a label is laid out in *display space* (what the reader sees: origin at the
bottom left of the visible page, after ``/Rotate``) and mapped into the page's own user
space with one ``cm``. The visible page is the CropBox (clipped to the MediaBox), which
need not start at (0, 0). So a landscape page, a page with ``/Rotate 90`` and an A3 page
all get their number upright at the bottom centre of what is shown.

Cost: one shared Helvetica font object (a standard Type1 font: nothing embedded), one
shared Form XObject for the restricted banner, one shared ``q`` stream prepended to every
page, and one tiny stream per page holding ``Q q <cm> ... (Page N) Tj ... Q``. The ``q``
before and ``Q`` after the original content mean its graphics state (a stray ``cm``, a
fill colour) cannot leak into the stamp.
"""

from __future__ import annotations

from collections.abc import Sequence

import pikepdf
from pikepdf import Array, Dictionary, Name

FONT_KEY = Name("/QuorateHelv")
BOLD_KEY = Name("/QuorateHelvB")
BANNER_KEY = Name("/QuorateRestricted")
NUMBER_SIZE = 9.0
NUMBER_BASELINE = 14.0  # points above the bottom edge of the visible page
BANNER_SIZE = 10.0
BANNER_BASELINE = 16.0  # points below the top edge
RESTRICTED_TEXT = "RESTRICTED – not for publication"
# Marked as a pagination artifact so tagged (PDF/UA) parts stay valid: assistive
# technology skips it, as it skips running headers and footers.
ARTIFACT = b"/Artifact << /Type /Pagination >> BDC "

# Advance widths (1/1000 em) of printable ASCII 32..126 in the standard Helvetica and
# Helvetica-Bold fonts (Adobe core-14 metrics). The en dash is 556 in both.
_HELV = [278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278]
_HELV += [556] * 10 + [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611]
_HELV += [778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667]
_HELV += [944, 667, 667, 611, 278, 278, 278, 469, 556, 222, 556, 556, 500, 556, 556, 278]
_HELV += [556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500]
_HELV += [722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278]
_BOLD += [556] * 10 + [333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611]
_BOLD += [778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667]
_BOLD += [944, 667, 667, 611, 333, 278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333]
_BOLD += [611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556]
_BOLD += [778, 556, 556, 500, 389, 280, 389, 584]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    table = _BOLD if bold else _HELV
    units = sum(table[ord(c) - 32] if 32 <= ord(c) <= 126 else 556 for c in text)
    return units * size / 1000.0


def pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (the stamp fonts' encoding)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def visible_box(page: pikepdf.Page) -> tuple[float, float, float, float]:
    """The CropBox clipped to the MediaBox, normalised to (x0, y0, x1, y1)."""
    media = [float(v) for v in page.mediabox]
    mx0, mx1 = sorted((media[0], media[2]))
    my0, my1 = sorted((media[1], media[3]))
    crop = page.obj.get(Name.CropBox)
    if crop is None:
        return mx0, my0, mx1, my1
    c = [float(v) for v in crop]
    cx0, cx1 = sorted((c[0], c[2]))
    cy0, cy1 = sorted((c[1], c[3]))
    x0, y0, x1, y1 = max(cx0, mx0), max(cy0, my0), min(cx1, mx1), min(cy1, my1)
    if x1 <= x0 or y1 <= y0:  # a nonsense CropBox: viewers fall back to the MediaBox
        return mx0, my0, mx1, my1
    return x0, y0, x1, y1


def page_rotation(page: pikepdf.Page) -> int:
    rotate = page.obj.get(Name.Rotate, 0)
    try:
        return (int(rotate) // 90 * 90) % 360
    except (TypeError, ValueError):
        return 0


def display_transform(page: pikepdf.Page) -> tuple[tuple[float, ...], float, float]:
    """``cm`` operands mapping display space to user space, and the display width, height."""
    x0, y0, x1, y1 = visible_box(page)
    rotation = page_rotation(page)
    w, h = x1 - x0, y1 - y0
    if rotation == 90:
        return (0, 1, -1, 0, x1, y0), h, w
    if rotation == 180:
        return (-1, 0, 0, -1, x1, y1), w, h
    if rotation == 270:
        return (0, -1, 1, 0, x0, y1), h, w
    return (1, 0, 0, 1, x0, y0), w, h


def _fmt(values: Sequence[float]) -> str:
    return " ".join(f"{v:.3f}".rstrip("0").rstrip(".") for v in values)


class Stamper:
    """Holds the shared objects for one output PDF and stamps its pages one by one."""

    def __init__(self, pdf: pikepdf.Pdf, *, label: str = "Page {n}") -> None:
        self.pdf = pdf
        self.label = label
        self.font = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name.Helvetica,
                Encoding=Name.WinAnsiEncoding,
            )
        )
        self.bold = pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name("/Helvetica-Bold"),
                Encoding=Name.WinAnsiEncoding,
            )
        )
        self.open_q = pdf.make_stream(b"q\n")
        self._banner: pikepdf.Stream | None = None
        self.banner_width = text_width(RESTRICTED_TEXT, BANNER_SIZE, bold=True)

    def banner(self) -> pikepdf.Stream:
        """The shared "RESTRICTED" Form XObject: white backing, red bold text."""
        if self._banner is None:
            w = self.banner_width
            ops = (
                (
                    f"1 g -3 -3 {w + 6:.2f} {BANNER_SIZE + 5:.2f} re f "
                    f"0.75 0 0 rg BT /F 10 Tf 0 0 Td "
                ).encode()
                + pdf_string(RESTRICTED_TEXT)
                + b" Tj ET"
            )
            self._banner = self.pdf.make_stream(
                ops,
                Type=Name.XObject,
                Subtype=Name.Form,
                BBox=Array([-3, -3, w + 3, BANNER_SIZE + 2]),
                Resources=Dictionary(Font=Dictionary(F=self.bold)),
            )
        return self._banner

    def _add_resources(self, page: pikepdf.Page, restricted: bool) -> None:
        resources = page.obj.get(Name.Resources)
        if resources is None:
            resources = page.obj.Resources = Dictionary()
        fonts = resources.get(Name.Font)
        if fonts is None:
            fonts = resources.Font = Dictionary()
        fonts[FONT_KEY] = self.font
        if restricted:
            xobjects = resources.get(Name.XObject)
            if xobjects is None:
                xobjects = resources.XObject = Dictionary()
            xobjects[BANNER_KEY] = self.banner()

    def stamp(self, page: pikepdf.Page, number: int | None, *, restricted: bool = False) -> None:
        if number is None and not restricted:
            return
        cm, width, height = display_transform(page)
        ops: list[bytes] = [b"Q q ", _fmt(cm).encode(), b" cm ", ARTIFACT]
        if number is not None:
            text = self.label.format(n=number)
            tw = text_width(text, NUMBER_SIZE)
            x = (width - tw) / 2
            y = NUMBER_BASELINE
            ops.append(
                f"1 g {_fmt((x - 2, y - 3, tw + 4, NUMBER_SIZE + 3))} re f 0 g "
                f"BT /QuorateHelv {NUMBER_SIZE:g} Tf {_fmt((x, y))} Td ".encode()
            )
            ops += [pdf_string(text), b" Tj ET "]
        if restricted:
            x = (width - self.banner_width) / 2
            y = height - BANNER_BASELINE
            ops.append(f"q 1 0 0 1 {_fmt((x, y))} cm /QuorateRestricted Do Q ".encode())
        ops.append(b"EMC Q\n")
        self._add_resources(page, restricted)
        page.contents_add(self.open_q, prepend=True)
        page.contents_add(self.pdf.make_stream(b"".join(ops)))
