"""The text of a compiled public pack, read back by parse-pack, gives the same agenda."""

import pytest

from quorate.adapters.textextract import extract
from quorate.core.packtext import parse_pages
from quorate.core.packtext.model import AgendaItem as ParsedItem
from quorate.packs import builder
from quorate.packs.enums import PackVariant

pytestmark = pytest.mark.django_db(transaction=True)


def _front_sheet_items(pack) -> list[ParsedItem]:
    for document in pack.documents:
        items = getattr(document, "agenda_items", None)
        if items:
            return list(items)
    raise AssertionError("no agenda front sheet found in the compiled pack")


def test_compiled_public_pack_round_trips_through_parse_pack(pack_meeting, tmp_path):
    built = builder.build(pack_meeting["meeting"], PackVariant.PUBLIC)
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.data)
    extracted = extract(path)
    parsed = parse_pages(extracted.pages, file=str(path), pdf=extracted.pdf)
    items = _front_sheet_items(parsed)
    got = {
        i.number: (
            "To Follow"
            if i.to_follow
            else f"Pages {i.pages.first} - {i.pages.last}"
            if i.pages
            else ""
        )
        for i in items
    }
    expected = {number: label for number, label in built.page_ranges.items()}
    assert got == expected
    titles = [i.title for i in items]
    assert titles == [i.title for i in pack_meeting["meeting"].items.order_by("order")]
