"""A restricted document (an exempt appendix of an open item) in the page map."""

import pytest

from quorate.core.pagemap import (
    FRONT_SHEET_KEY,
    PackDocument,
    PackItem,
    PageMapError,
    Variant,
    build_page_map,
)


def test_members_pack_marks_every_page_of_a_restricted_appendix_of_an_open_item():
    items = [
        PackItem(
            "1",
            "Open report",
            PackDocument("cover", "Report", 2),
            (
                PackDocument("open-appendix", "Appendix 1", 3),
                PackDocument("exempt-appendix", "Appendix 2 (exempt)", 4, restricted=True),
            ),
        ),
    ]
    pm = build_page_map(items, front_sheet_pages=1, variant=Variant.MEMBERS)
    restricted = {p.key: p.restricted for p in pm.placements}
    assert restricted == {
        FRONT_SHEET_KEY: False,
        "cover": False,
        "open-appendix": False,
        "exempt-appendix": True,
    }
    exempt = next(p for p in pm.placements if p.key == "exempt-appendix")
    assert (exempt.first_index, exempt.pages) == (6, 4)


def test_public_pack_refuses_a_restricted_document_of_an_open_item():
    items = [
        PackItem(
            "4",
            "Open report",
            appendices=(PackDocument("secret", "Exempt appendix", 2, restricted=True),),
        )
    ]
    with pytest.raises(PageMapError, match=r"item 4: 'Exempt appendix' is restricted"):
        build_page_map(items, front_sheet_pages=1, variant=Variant.PUBLIC)


def test_public_pack_still_withholds_an_exempt_item_whose_papers_are_restricted():
    items = [
        PackItem(
            "2",
            "Contract award",
            PackDocument("secret", "Tender", 2, restricted=True),
            exempt=True,
        )
    ]
    pm = build_page_map(items, front_sheet_pages=1, variant=Variant.PUBLIC)
    assert "secret" not in {p.key for p in pm.placements}
