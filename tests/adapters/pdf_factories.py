"""Build small, awkward PDFs for tests: built at test time, never checked in.

Each factory returns the PDF as ``bytes``. They use pikepdf directly (fast and exact)
so a test can ask for precisely the quirk it needs: odd page sizes, landscape pages,
``/Rotate``, boxes that do not start at the origin, attributes inherited from the page
tree, image-only (scanned) pages, form fields and annotations, encryption, truncation.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, String

A4 = (595.28, 841.89)
A4_LANDSCAPE = (841.89, 595.28)
LETTER = (612.0, 792.0)
A3 = (841.89, 1190.55)


@dataclass(frozen=True)
class PageSpec:
    size: tuple[float, float] = A4
    text: str = ""
    rotate: int = 0
    origin: tuple[float, float] = (0.0, 0.0)  # MediaBox lower-left corner
    crop_inset: float | None = None  # CropBox inset from the MediaBox on every side


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )


def _text_stream(pdf: pikepdf.Pdf, x: float, y: float, text: str) -> pikepdf.Stream:
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    # Deliberately leave the graphics state dirty (an unbalanced cm and a fill colour):
    # the stamper must not inherit it.
    ops = f"BT /F1 12 Tf {x:.2f} {y:.2f} Td ({safe}) Tj ET 0.5 0 0 0.5 0 0 cm 0 0 1 rg"
    return pdf.make_stream(ops.encode("latin-1"))


def make_pdf(pages: list[PageSpec], *, title: str | None = None) -> bytes:
    """One page per spec, each with its text near the top left of its MediaBox."""
    pdf = pikepdf.new()
    font = _font(pdf)
    for spec in pages:
        x0, y0 = spec.origin
        w, h = spec.size
        page = pdf.add_blank_page(page_size=(w, h))
        page.obj.MediaBox = Array([x0, y0, x0 + w, y0 + h])
        if spec.crop_inset is not None:
            c = spec.crop_inset
            page.obj.CropBox = Array([x0 + c, y0 + c, x0 + w - c, y0 + h - c])
        if spec.rotate:
            page.obj.Rotate = spec.rotate
        page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
        if spec.text:
            page.obj.Contents = _text_stream(pdf, x0 + 72, y0 + h - 100, spec.text)
    if title:
        pdf.docinfo[Name.Title] = title
    return _save(pdf)


def make_simple_pdf(pages: int, *, marker: str = "", size: tuple[float, float] = A4) -> bytes:
    return make_pdf([PageSpec(size, f"{marker} page {i + 1}".strip()) for i in range(pages)])


def make_inherited_pdf(text: str = "inherited") -> bytes:
    """Two pages whose MediaBox, Rotate and Resources live on the /Pages node only."""
    pdf = pikepdf.new()
    font = _font(pdf)
    pdf.add_blank_page(page_size=LETTER)
    pdf.add_blank_page(page_size=LETTER)
    root = pdf.Root.Pages
    root.MediaBox = Array([0, 0, *LETTER])
    root.Rotate = 90
    root.Resources = Dictionary(Font=Dictionary(F1=font))
    for page in pdf.pages:
        del page.obj.MediaBox
        if Name.Resources in page.obj:
            del page.obj.Resources
        page.obj.Contents = _text_stream(pdf, 72, 700, text)
    return _save(pdf)


def make_image_only_pdf(pages: int = 2, size: tuple[float, float] = A4) -> bytes:
    """A "scanned" document: each page is one greyscale image and no text at all."""
    pdf = pikepdf.new()
    width, height = 120, 170
    pixels = bytes(((x * 7 + y * 3) % 200) + 40 for y in range(height) for x in range(width))
    image = pdf.make_stream(
        zlib.compress(pixels),
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=width,
        Height=height,
        ColorSpace=Name.DeviceGray,
        BitsPerComponent=8,
        Filter=Name.FlateDecode,
    )
    for _ in range(pages):
        page = pdf.add_blank_page(page_size=size)
        page.obj.Resources = Dictionary(XObject=Dictionary(Im0=image))
        page.obj.Contents = pdf.make_stream(
            f"q {size[0]:.2f} 0 0 {size[1]:.2f} 0 0 cm /Im0 Do Q".encode()
        )
    return _save(pdf)


def make_form_pdf(field_name: str = "officer_name", value: str = "Jane Doe") -> bytes:
    """One A4 page with a filled text field (AcroForm) and a sticky-note annotation."""
    pdf = pikepdf.new()
    font = _font(pdf)
    page = pdf.add_blank_page(page_size=A4)
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = _text_stream(pdf, 72, 760, "Form page")
    appearance = pdf.make_stream(
        f"/Tx BMC BT /F1 12 Tf 2 6 Td ({value}) Tj ET EMC".encode(),
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=Array([0, 0, 200, 24]),
        Resources=Dictionary(Font=Dictionary(F1=font)),
    )
    widget = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Tx,
            T=String(field_name),
            V=String(value),
            DA=String("/F1 12 Tf 0 g"),
            Rect=Array([72, 600, 272, 624]),
            F=4,
            P=page.obj,
            AP=Dictionary(N=appearance),
        )
    )
    note = pdf.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Text,
            Rect=Array([400, 700, 420, 720]),
            Contents=String("Reviewer note"),
            F=4,
        )
    )
    page.obj.Annots = Array([widget, note])
    pdf.Root.AcroForm = Dictionary(
        Fields=Array([widget]),
        DR=Dictionary(Font=Dictionary(F1=font)),
        DA=String("/F1 12 Tf 0 g"),
    )
    return _save(pdf)


def make_encrypted_pdf(user_password: str = "secret") -> bytes:
    pdf = pikepdf.open(io.BytesIO(make_simple_pdf(1)))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user=user_password, owner="owner", R=6))
    return out.getvalue()


def make_truncated_pdf() -> bytes:
    data = make_simple_pdf(3, marker="truncated")
    return data[: len(data) // 2]


def make_png() -> bytes:
    """A real 2x2 PNG (for the "PNG named .pdf" upload)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0)
    raw = b"\x00\x00\xff\x00\xff\x00"
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
