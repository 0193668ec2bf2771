"""compile_pack(): the whole pipeline, page map to finished public and members' packs."""

import html
import io

import pikepdf
import pytest

from quorate.adapters.pdf import AssemblyError, assemble_pack, compile_pack, page_texts
from quorate.core.pagemap import PackDocument, PackItem, PageMap, Variant, build_page_map
from tests.adapters.pdf_factories import make_simple_pdf

SECRET = "CONFIDENTIAL-TENDER-PRICE-4471"


def _items_and_sources() -> tuple[list[PackItem], dict[str, bytes]]:
    sources = {
        "minutes": make_simple_pdf(3, marker="Minutes"),
        "fusion": make_simple_pdf(4, marker="Fusion report"),
        "fusion-app1": make_simple_pdf(5, marker="Fusion appendix"),
        "tender": make_simple_pdf(2, marker=SECRET),
        "bcf": make_simple_pdf(2, marker="BCF update"),
    }
    items = [
        PackItem("1", "Welcome and apologies"),
        PackItem("3", "Minutes", PackDocument("minutes", "Minutes", 3)),
        PackItem(
            "4",
            "Project Fusion update",
            PackDocument("fusion", "Report", 4),
            (PackDocument("fusion-app1", "Appendix 1: Programme plan", 5),),
        ),
        PackItem("5", "Dentistry strategy", to_follow=True),
        PackItem("6", "Tender award", PackDocument("tender", "Report", 2), exempt=True),
        PackItem("7", "Better Care Fund", PackDocument("bcf", "Report", 2)),
    ]
    return items, sources


def _front_sheet(page_map: PageMap) -> str:
    rows = []
    for item in page_map.items:
        label = f" ({item.label})" if item.label else ""
        rows.append(f"<h2>{html.escape(item.number)} {html.escape(item.title)}{label}</h2>")
        rows.append("<p>Lead: Chair. Item for: Information.</p>" * 8)
    return (
        '<html lang="en-GB"><head><title>Agenda</title></head><body>'
        f"<h1>Public Document Pack</h1>{''.join(rows)}</body></html>"
    )


def test_compile_pack_public_leaves_out_exempt_paper():
    items, sources = _items_and_sources()
    pack = compile_pack(items, sources, front_sheet_html=_front_sheet, title="HCPB pack")
    texts = page_texts(pack.data)
    assert len(texts) == pack.page_map.total_pages
    assert SECRET not in "".join(texts)
    assert not any("RESTRICTED" in t for t in texts)
    assert pack.page_map.item("6").label is None


def test_compile_pack_front_sheet_ranges_match_the_stamps():
    items, sources = _items_and_sources()
    pack = compile_pack(items, sources, front_sheet_html=_front_sheet, title="HCPB pack")
    texts = page_texts(pack.data)
    front = "".join(texts[: pack.page_map.front_sheet_pages])
    fusion = pack.page_map.item("4")
    assert fusion.pages is not None
    assert f"4 Project Fusion update ({fusion.pages.label})" in front
    assert "(To Follow)" in front
    assert "Fusion report page 1" in texts[fusion.pages.first - 1]
    assert f"Page {fusion.pages.first}" in texts[fusion.pages.first - 1]
    assert "Fusion appendix page 5" in texts[fusion.pages.last - 1]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number}" in text


def test_compile_pack_members_variant_marks_exempt_pages_restricted():
    items, sources = _items_and_sources()
    pack = compile_pack(
        items, sources, front_sheet_html=_front_sheet, title="Members", variant=Variant.MEMBERS
    )
    texts = page_texts(pack.data)
    tender = pack.page_map.item("6")
    assert tender.pages is not None
    restricted = [n for n, t in enumerate(texts, start=1) if "RESTRICTED" in t]
    assert restricted == list(range(tender.pages.first, tender.pages.last + 1))
    assert SECRET in texts[tender.pages.first - 1]


def test_compile_pack_bookmarks_follow_the_page_map():
    items, sources = _items_and_sources()
    pack = compile_pack(items, sources, front_sheet_html=_front_sheet, title="HCPB pack")
    with pikepdf.open(io.BytesIO(pack.data)) as pdf:
        pages = [p.obj.objgen for p in pdf.pages]
        with pdf.open_outline() as outline:
            found = [
                (o.title, pages.index(o.destination[0].objgen), [c.title for c in o.children])
                for o in outline.root
            ]
        assert str(pdf.docinfo.Title) == "HCPB pack" and str(pdf.Root.Lang) == "en-GB"
    expected = [
        (b.title, b.page_index, [c.title for c in b.children]) for b in pack.page_map.bookmarks
    ]
    assert found == expected
    assert found[2] == ("4. Project Fusion update", pack.page_map.item("4").first_index,
                        ["Appendix 1: Programme plan"])  # fmt: skip


def test_compile_pack_front_sheet_settles_when_it_grows():
    items, sources = _items_and_sources()
    many = items + [
        PackItem(str(n), f"Item {n}", PackDocument(f"d{n}", f"Report {n}", 1))
        for n in range(10, 40)
    ]
    sources |= {f"d{n}": make_simple_pdf(1, marker=f"doc {n}") for n in range(10, 40)}
    pack = compile_pack(many, sources, front_sheet_html=_front_sheet, title="Long agenda")
    assert pack.page_map.front_sheet_pages > 1
    assert pack.front_sheet_renders >= 2
    texts = page_texts(pack.data)
    last = pack.page_map.item("39")
    assert last.pages is not None and "doc 39" in texts[last.pages.first - 1]


def test_assemble_pack_refuses_a_part_that_changed_length():
    items, sources = _items_and_sources()
    page_map = build_page_map(items, front_sheet_pages=1)
    sources = sources | {"front-sheet": make_simple_pdf(1), "bcf": make_simple_pdf(3)}
    with pytest.raises(AssemblyError, match="bcf: has 3 pages but the page map expects 2"):
        assemble_pack(page_map, sources, title="T")


def test_assemble_pack_names_a_missing_part():
    items, sources = _items_and_sources()
    page_map = build_page_map(items, front_sheet_pages=1)
    del sources["bcf"]
    with pytest.raises(AssemblyError, match="bcf: no PDF supplied"):
        assemble_pack(page_map, sources | {"front-sheet": make_simple_pdf(1)}, title="T")
