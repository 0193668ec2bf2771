"""assemble(): concatenation, page-number stamps, restricted banner, bookmarks, metadata."""

import io

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest

from quorate.adapters.pdf import AssemblyError, Part, assemble, page_texts
from quorate.core.pagemap import Bookmark, Numbering
from tests.adapters.pdf_factories import (
    A3,
    A4,
    A4_LANDSCAPE,
    LETTER,
    PageSpec,
    make_form_pdf,
    make_image_only_pdf,
    make_inherited_pdf,
    make_pdf,
    make_simple_pdf,
)

MIXED = [
    PageSpec(A4, "portrait A4"),
    PageSpec(A4_LANDSCAPE, "landscape A4"),
    PageSpec(A4, "rotated 90", rotate=90),
    PageSpec(LETTER, "rotated 270", rotate=270),
    PageSpec(A3, "rotated 180", rotate=180),
    PageSpec(A4, "offset crop", origin=(100, 200), crop_inset=30),
    PageSpec(LETTER, "letter"),
    PageSpec(A3, "a3 rotated -90", rotate=-90),
    PageSpec(LETTER),  # no /Contents at all
]


def _mixed_pack() -> bytes:
    return assemble(
        [make_pdf(MIXED), make_inherited_pdf(), make_image_only_pdf(2), make_form_pdf()],
        title="Mixed",
        lang="en-GB",
    )


def _ink_box(page: pdfium.PdfPage) -> tuple[float, float, float, float, float, float]:
    """Bounding box (in displayed points, origin top left) of non-white ink in the
    bottom 40 points of the page as a viewer shows it, plus the page's displayed size."""
    scale = 2
    bitmap = page.render(scale=scale, grayscale=True)
    pixels = bitmap.to_numpy()
    height_px = pixels.shape[0]
    band = pixels[height_px - 40 * scale :, :].reshape(40 * scale, -1)
    rows, cols = np.nonzero(band < 128)
    assert rows.size, "no ink at the bottom of the page"
    top = (height_px - 40 * scale + rows.min()) / scale
    bottom = (height_px - 40 * scale + rows.max()) / scale
    return cols.min() / scale, top, cols.max() / scale, bottom, *page.get_size()


def test_assemble_numbers_every_page_in_order():
    texts = page_texts(_mixed_pack())
    assert len(texts) == len(MIXED) + 2 + 2 + 1
    for number, text in enumerate(texts, start=1):
        assert f"Page {number}" in text.split("\r\n"), f"page {number}: {text!r}"


def test_assemble_keeps_part_content_on_its_pages():
    texts = page_texts(_mixed_pack())
    for index, spec in enumerate(MIXED):
        assert spec.text in texts[index]  # ("" for the empty page)
    assert "inherited" in texts[len(MIXED)]
    assert "Form page" in texts[-1]


def test_assemble_stamp_is_upright_bottom_centre_on_every_page_shape():
    doc = pdfium.PdfDocument(_mixed_pack())
    try:
        image_pages = {len(MIXED) + 2, len(MIXED) + 3}  # ink everywhere: checked by text
        for index in sorted(set(range(len(doc))) - image_pages):
            x0, y0, x1, y1, width, height = _ink_box(doc[index])
            assert x1 - x0 > 2 * (y1 - y0), f"page {index + 1}: stamp is not horizontal"
            assert abs((x0 + x1) / 2 - width / 2) < 6, f"page {index + 1}: not centred"
            assert height - 30 < y1 <= height, f"page {index + 1}: not at the bottom"
    finally:
        doc.close()


def test_assemble_numbering_can_skip_the_front_sheet():
    data = assemble(
        [make_simple_pdf(2, marker="agenda"), make_simple_pdf(3, marker="report")],
        title="Pack",
        numbering=Numbering(start_index=2, first_number=1),
    )
    texts = page_texts(data)
    assert not any("Page" in t for t in texts[:2])  # the factory writes lower-case "page"
    assert [t.rsplit("\r\n", 1)[-1] for t in texts[2:]] == ["Page 1", "Page 2", "Page 3"]
    with pikepdf.open(io.BytesIO(data)) as pdf:
        labels = pdf.Root.PageLabels.Nums
        assert int(labels[0]) == 0 and str(labels[1].P) == "Agenda "
        assert int(labels[2]) == 2 and int(labels[3].St) == 1


def test_assemble_custom_stamp_label():
    texts = page_texts(assemble([make_simple_pdf(2)], title="T", stamp_label="Page {n} of 2"))
    assert "Page 2 of 2" in texts[1]


def test_assemble_restricted_only_when_asked():
    plain = page_texts(assemble([make_simple_pdf(2)], title="T"))
    assert not any("RESTRICTED" in t for t in plain)
    everywhere = page_texts(assemble([make_simple_pdf(2)], title="T", restricted=True))
    assert all("RESTRICTED – not for publication" in t for t in everywhere)


def test_assemble_restricted_part_marks_only_its_pages():
    texts = page_texts(
        assemble(
            [make_simple_pdf(1), Part(make_simple_pdf(2), "exempt", restricted=True)],
            title="Members' pack",
        )
    )
    assert ["RESTRICTED" in t for t in texts] == [False, True, True]


def test_assemble_bookmarks_titles_and_targets():
    marks = [
        Bookmark("Agenda", 0),
        Bookmark("3. Minutes", 1),
        Bookmark("4. Project Fusion", 3, (Bookmark("Appendix 1", 4), Bookmark("Appendix 2", 5))),
    ]
    data = assemble([make_simple_pdf(1), make_simple_pdf(2), make_simple_pdf(3)], title="T",
                    bookmarks=marks)  # fmt: skip
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = [p.obj.objgen for p in pdf.pages]

        def tree(items):
            return [
                (item.title, pages.index(item.destination[0].objgen), tree(item.children))
                for item in items
            ]

        with pdf.open_outline() as outline:
            found = tree(outline.root)
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines
    assert found == [
        ("Agenda", 0, []),
        ("3. Minutes", 1, []),
        ("4. Project Fusion", 3, [("Appendix 1", 4, []), ("Appendix 2", 5, [])]),
    ]


def test_assemble_rejects_bookmark_past_the_end():
    with pytest.raises(AssemblyError, match="'Lost'"):
        assemble([make_simple_pdf(1)], title="T", bookmarks=[Bookmark("Lost", 5)])


def test_assemble_sets_title_language_and_producer():
    data = assemble([make_simple_pdf(1)], title="Southampton HCPB, 25 January 2024", lang="en-GB")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.docinfo.Title) == "Southampton HCPB, 25 January 2024"
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert "Quorate" in str(pdf.docinfo.Producer)
        assert pdf.open_metadata()["dc:title"] == "Southampton HCPB, 25 January 2024"


def test_assemble_keeps_form_fields_and_annotations():
    data = assemble([make_form_pdf(), make_form_pdf()], title="Forms")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        names = [str(f.T) for f in pdf.Root.AcroForm.Fields]
        assert len(names) == 2 and len(set(names)) == 2  # the clash was renamed
        subtypes = [str(a.Subtype) for p in pdf.pages for a in p.obj.Annots]
        assert subtypes.count("/Widget") == 2 and subtypes.count("/Text") == 2
    doc = pdfium.PdfDocument(data)
    try:
        doc.init_forms()
        assert doc[0].get_textpage().get_text_range().count("Page 1") == 1
    finally:
        doc.close()


def test_assemble_flatten_burns_fields_into_the_page():
    data = assemble([make_form_pdf(value="Jane Doe")], title="Flat", forms="flatten")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        subtypes = [str(a.Subtype) for a in pdf.pages[0].obj.get("/Annots", [])]
        assert "/Widget" not in subtypes  # a note without an appearance stream stays a note
    assert "Jane Doe" in page_texts(data)[0]


def test_assemble_scanned_pages_get_numbers():
    texts = page_texts(assemble([make_image_only_pdf(3)], title="Scan"))
    assert [t.strip() for t in texts] == ["Page 1", "Page 2", "Page 3"]


def test_assemble_original_graphics_state_does_not_leak_into_stamp():
    # The factory's content ends with "0.5 0 0 0.5 0 0 cm 0 0 1 rg" and no Q.
    data = assemble([make_simple_pdf(1)], title="T")
    doc = pdfium.PdfDocument(data)
    try:
        x0, _, x1, _, width, _ = _ink_box(doc[0])
        assert abs((x0 + x1) / 2 - width / 2) < 6  # a leaked half-scale cm would move it
    finally:
        doc.close()


def test_assemble_from_paths_and_to_a_file(tmp_path):
    src = tmp_path / "report.pdf"
    src.write_bytes(make_simple_pdf(2))
    target = tmp_path / "pack.pdf"
    assert assemble([src, str(src)], title="T", out=target) == b""
    assert len(page_texts(target.read_bytes())) == 4


def test_assemble_names_an_unreadable_part():
    with pytest.raises(AssemblyError, match="appendix-2"):
        assemble([make_simple_pdf(1), Part(b"not a pdf", "appendix-2")], title="T")


def test_assemble_checks_expected_page_count():
    with pytest.raises(AssemblyError, match="report-4: has 2 pages but the page map expects 3"):
        assemble([Part(make_simple_pdf(2), "report-4", expected_pages=3)], title="T")


def test_assemble_refuses_nothing():
    with pytest.raises(AssemblyError, match="no pages"):
        assemble([], title="T")
