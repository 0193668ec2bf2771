"""Merged packs keep their parts' accessibility tags (one structure tree, renumbered)."""

import io

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from quorate.adapters.pdf import Part, assemble, render_html
from tests.adapters.pdf_factories import make_simple_pdf


def _tagged(heading: str, paragraphs: int) -> bytes:
    body = "".join(f"<p>{heading} paragraph {n}</p>" for n in range(paragraphs))
    return render_html(
        f'<html lang="en-GB"><title>{heading}</title><h1>{heading}</h1>{body}</html>'
    )


def _pack(tags: bool = True) -> bytes:
    return assemble(
        [
            Part(_tagged("Agenda", 5), title="Agenda"),
            Part(make_simple_pdf(2), title="Scanned letter"),
            Part(_tagged("Report", 70), title="4. Project Fusion update"),
        ],
        title="Pack",
        tags=tags,
    )


def test_assemble_merges_structure_trees_into_one_document():
    with pikepdf.open(io.BytesIO(_pack())) as pdf:
        root = pdf.Root.StructTreeRoot
        assert pdf.Root.MarkInfo.Marked is True
        document = root.K
        assert str(document.S) == "/Document" and str(document.Lang) == "en-GB"
        parts = list(document.K)
        assert [str(p.T) for p in parts] == ["Agenda", "4. Project Fusion update"]
        assert all(str(p.S) == "/Part" and p.P.objgen == document.objgen for p in parts)


def test_assemble_renumbers_parent_tree_consistently():
    with pikepdf.open(io.BytesIO(_pack())) as pdf:
        root = pdf.Root.StructTreeRoot
        tree = dict(pikepdf.NumberTree(root.ParentTree).items())
        keys = [int(p.obj.StructParents) for p in pdf.pages if "/StructParents" in p.obj]
        assert len(keys) == len(set(keys)) == len(pdf.pages) - 2  # the scan has no tags
        assert int(root.ParentTreeNextKey) > max(tree)
        for page in pdf.pages:
            if "/StructParents" not in page.obj:
                continue
            elements = tree[int(page.obj.StructParents)]
            owners = {
                e.Pg.objgen for e in elements if isinstance(e, pikepdf.Dictionary) and "/Pg" in e
            }
            assert owners <= {page.obj.objgen}


def test_assemble_tags_readable_by_pdfium_on_later_parts():
    doc = pdfium.PdfDocument(_pack())
    try:
        last = doc[len(doc) - 1]
        tree = pdfium_c.FPDF_StructTree_GetForPage(last.raw)
        assert pdfium_c.FPDF_StructTree_CountChildren(tree) > 0
        pdfium_c.FPDF_StructTree_Close(tree)
    finally:
        doc.close()


def test_assemble_without_tags_drops_structure():
    with pikepdf.open(io.BytesIO(_pack(tags=False))) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
