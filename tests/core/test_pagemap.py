"""Page-map arithmetic for Public Document Packs (pure, no PDFs)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quorate.core.pagemap import (
    FRONT_SHEET_KEY,
    Bookmark,
    FrontSheetUnstable,
    ItemStatus,
    PackDocument,
    PackItem,
    PageMap,
    PageMapError,
    Variant,
    build_page_map,
    settle_front_sheet,
    supplement_items,
)


def _doc(key: str, pages: int, title: str | None = None) -> PackDocument:
    return PackDocument(key, title or key, pages)


def _seed_000_items() -> list[PackItem]:
    """Southampton HCPB, 25 Jan 2024 (seed 000): the ranges printed on its front sheet."""
    return [
        PackItem("1", "Welcome and apologies"),
        PackItem("2", "Declarations of interest"),
        PackItem("3", "Minutes of the previous meeting", _doc("3", 10)),
        PackItem("4", "Project Fusion update", _doc("4", 6), (_doc("4a", 40, "Appendix 1"),)),
        PackItem("5", "Health & care quality annual update", _doc("5", 18)),
        PackItem("6", "Draft dentistry strategy", to_follow=True),
        PackItem("7", "Better Care Fund delivery", _doc("7", 8)),
    ]


def test_build_page_map_reproduces_seed_000_ranges_modern_gov_style():
    pm = build_page_map(_seed_000_items(), front_sheet_pages=2, number_front_sheet=False)
    labels = {i.number: i.label for i in pm.items}
    assert labels == {
        "1": None,
        "2": None,
        "3": "Pages 1 - 10",
        "4": "Pages 11 - 56",
        "5": "Pages 57 - 74",
        "6": "To Follow",
        "7": "Pages 75 - 82",
    }
    assert pm.total_pages == 84
    assert pm.number_for(0) is None and pm.number_for(1) is None
    assert pm.number_for(2) == 1
    assert pm.item("4").first_index == 12


def test_build_page_map_numbers_every_page_by_default():
    pm = build_page_map(_seed_000_items(), front_sheet_pages=2)
    assert pm.item("3").label == "Pages 3 - 12"
    assert pm.item("7").label == "Pages 77 - 84"
    assert [pm.number_for(i) for i in range(pm.total_pages)] == list(range(1, 85))


def test_build_page_map_single_page_item_says_page():
    pm = build_page_map([PackItem("1", "Terms", _doc("t", 1))], front_sheet_pages=1)
    assert pm.item("1").label == "Page 2"


def test_build_page_map_bookmarks_nest_appendices_under_item():
    pm = build_page_map(_seed_000_items(), front_sheet_pages=2)
    assert pm.bookmarks[0] == Bookmark("Agenda", 0)
    fusion = next(b for b in pm.bookmarks if b.title.startswith("4."))
    assert fusion == Bookmark("4. Project Fusion update", 12, (Bookmark("Appendix 1", 18),))
    assert [b.title[:2] for b in pm.bookmarks[1:]] == ["3.", "4.", "5.", "7."]


def test_build_page_map_item_without_cover_bookmarks_every_document():
    item = PackItem("9", "Returns", None, (_doc("a", 2, "Annex A"), _doc("b", 3, "Annex B")))
    pm = build_page_map([item], front_sheet_pages=1)
    assert pm.bookmarks[1].children == (Bookmark("Annex A", 1), Bookmark("Annex B", 3))
    assert pm.item("9").label == "Pages 2 - 6"


def test_build_page_map_public_pack_withholds_exempt_items():
    items = [
        PackItem("1", "Open report", _doc("open", 4)),
        PackItem("2", "Contract award (exempt)", _doc("secret", 5), exempt=True),
        PackItem("3", "Next open report", _doc("open2", 2)),
    ]
    pm = build_page_map(items, front_sheet_pages=1, variant=Variant.PUBLIC)
    assert pm.item("2").status is ItemStatus.WITHHELD and pm.item("2").pages is None
    assert "secret" not in {p.key for p in pm.placements}
    assert pm.item("3").label == "Pages 6 - 7"
    assert pm.total_pages == 7


def test_build_page_map_members_pack_keeps_exempt_items_restricted():
    items = [
        PackItem("1", "Open report", _doc("open", 4)),
        PackItem("2", "Contract award", _doc("secret", 5), exempt=True),
    ]
    pm = build_page_map(items, front_sheet_pages=1, variant=Variant.MEMBERS)
    restricted = {p.key: p.restricted for p in pm.placements}
    assert restricted == {FRONT_SHEET_KEY: False, "open": False, "secret": True}
    assert pm.item("2").label == "Pages 6 - 10"


def test_build_page_map_rejects_to_follow_item_with_papers():
    with pytest.raises(PageMapError, match="item 6"):
        build_page_map(
            [PackItem("6", "Dentistry", _doc("d", 3), to_follow=True)], front_sheet_pages=1
        )


def test_build_page_map_rejects_duplicate_keys_and_numbers():
    with pytest.raises(PageMapError, match="'x' is used twice"):
        build_page_map(
            [PackItem("1", "A", _doc("x", 1)), PackItem("2", "B", _doc("x", 1))],
            front_sheet_pages=1,
        )
    with pytest.raises(PageMapError, match="item 1 appears twice"):
        build_page_map([PackItem("1", "A"), PackItem("1", "B")], front_sheet_pages=1)


def test_pack_document_rejects_empty_pdf():
    with pytest.raises(PageMapError, match="'k'"):
        PackDocument("k", "Empty", 0)


def _front_sheet_pages_for(pm: PageMap) -> int:
    """A fake renderer: one page holds 40 characters of range labels."""
    text = "".join(i.label or "" for i in pm.items)
    return 1 + len(text) // 40


def test_settle_front_sheet_reaches_fixed_point():
    items = [PackItem(str(n), f"Item {n}", _doc(f"d{n}", 50)) for n in range(1, 30)]
    settled = settle_front_sheet(items, render=_front_sheet_pages_for, pages_of=lambda n: n)
    pm = settled.page_map
    assert settled.padding == 0
    assert _front_sheet_pages_for(pm) == pm.front_sheet_pages > 1
    assert settled.rounds >= 2
    assert pm.item("1").pages is not None
    assert pm.item("1").pages.first == pm.front_sheet_pages + 1


def test_settle_front_sheet_pads_when_layout_oscillates():
    # 1 page -> ranges need 3 pages; 3 pages -> ranges fit in 2: keep 3, pad 1 blank page.
    answers = {1: 3, 3: 2}
    settled = settle_front_sheet(
        [PackItem("1", "A", _doc("a", 2))],
        render=lambda pm: answers[pm.front_sheet_pages],
        pages_of=lambda n: n,
    )
    assert settled.page_map.front_sheet_pages == 3
    assert settled.padding == 1 and settled.rendered == 2


def test_settle_front_sheet_gives_up_when_it_never_settles():
    with pytest.raises(FrontSheetUnstable):
        settle_front_sheet(
            [PackItem("1", "A", _doc("a", 2))],
            render=lambda pm: pm.front_sheet_pages + 1,
            pages_of=lambda n: n,
            max_rounds=4,
        )


def test_supplement_items_takes_only_papers_that_were_to_follow():
    original = _seed_000_items()
    published = build_page_map(original, front_sheet_pages=2)
    later = [i if i.number != "6" else PackItem("6", i.title, _doc("6", 12)) for i in original]
    chosen = supplement_items(later, published=published)
    assert [i.number for i in chosen] == ["6"]
    supp = build_page_map(chosen, front_sheet_pages=1, front_sheet_title="Supplement")
    assert supp.item("6").label == "Pages 2 - 13"  # numbered on its own from 1
    assert supp.bookmarks[0] == Bookmark("Supplement", 0)


def test_supplement_items_leaves_out_exempt_items_from_public_supplement():
    published = build_page_map(
        [
            PackItem("8", "Exempt", to_follow=True, exempt=True),
            PackItem("9", "Open", to_follow=True),
        ],
        front_sheet_pages=1,
        variant=Variant.MEMBERS,
    )
    later = [
        PackItem("8", "Exempt", _doc("e", 3), exempt=True),
        PackItem("9", "Open", _doc("o", 3)),
    ]
    assert [i.number for i in supplement_items(later, published=published)] == ["8", "9"]
    public = build_page_map([PackItem("9", "Open", to_follow=True)], front_sheet_pages=1)
    assert [i.number for i in supplement_items(later, published=public)] == ["9"]


_item_lists = st.lists(
    st.tuples(
        st.booleans(),  # exempt
        st.booleans(),  # to follow
        st.lists(st.integers(min_value=1, max_value=60), max_size=4),
    ),
    max_size=25,
)


@given(_item_lists, st.integers(min_value=1, max_value=5), st.sampled_from(list(Variant)))
def test_build_page_map_ranges_tile_the_pack_exactly(spec, front, variant):
    items = []
    for n, (exempt, to_follow, sizes) in enumerate(spec, start=1):
        docs = tuple(_doc(f"{n}-{k}", size) for k, size in enumerate(sizes))
        cover, appendices = (docs[0], docs[1:]) if docs and not to_follow else (None, ())
        items.append(PackItem(str(n), f"Item {n}", cover, appendices, to_follow, exempt))
    pm = build_page_map(items, front_sheet_pages=front, variant=variant)
    cursor = front
    for placement in pm.placements[1:]:
        assert placement.first_index == cursor
        cursor += placement.pages
    assert cursor == pm.total_pages
    expected_numbers = front + 1
    for item in pm.items:
        if item.pages is None:
            continue
        assert item.pages.first == expected_numbers
        expected_numbers = item.pages.last + 1
    assert expected_numbers == pm.total_pages + 1
    flat = [b.page_index for top in pm.bookmarks for b in (top, *top.children)]
    assert flat == sorted(flat) and all(0 <= i < pm.total_pages for i in flat)
