"""Round trip with headings that wrap on the front sheet: long titles and their page ranges
are read back by parse-pack as printed (the range never splits; a wrapped title rejoins)."""

import pytest

from quorate.adapters.textextract import extract
from quorate.core.packtext import parse_pages
from quorate.governance.models import Report
from quorate.governance.papers import attach_paper
from quorate.packs import builder
from quorate.packs.enums import PackVariant
from tests import factories as f
from tests.adapters.pdf_factories import make_simple_pdf

pytestmark = pytest.mark.django_db(transaction=True)

LONG_WITH_PAPERS = (
    "BETTER CARE FUND DELIVERY & PERFORMANCE UPDATE - PAPER TO NOTE ONLY AND FOR ASSURANCE"
)
LONG_WITHOUT_PAPERS = (
    "PREVIOUS MINUTES/MATTERS ARISING AND ACTION TRACKER FOR THE JOINT COMMISSIONING BOARD"
)


def round_trip(built, tmp_path):
    """(number -> label, number -> title) as parse-pack reads the compiled PDF back."""
    path = tmp_path / "pack.pdf"
    path.write_bytes(built.data)
    extracted = extract(path)
    parsed = parse_pages(extracted.pages, file=str(path), pdf=extracted.pdf)
    items = next(d.agenda_items for d in parsed.documents if getattr(d, "agenda_items", None))
    labels = {
        i.number: "To Follow"
        if i.to_follow
        else (
            ""
            if i.pages is None
            else f"Page {i.pages.first}"
            if i.pages.first == i.pages.last
            else f"Pages {i.pages.first} - {i.pages.last}"
        )
        for i in items
    }
    return labels, {i.number: i.title for i in items}


def test_long_titles_round_trip_through_parse_pack(pack_meeting, tmp_path):
    meeting = pack_meeting["meeting"]
    long_item = f.agenda_item(
        meeting=meeting, order=5, number="5", title=LONG_WITH_PAPERS, for_information=True
    )
    Report.objects.create(agenda_item=long_item, subject="Better Care Fund")
    attach_paper(
        long_item, title="Appendix", filename="bcf.pdf", data=make_simple_pdf(4, marker="BCF")
    )
    f.agenda_item(meeting=meeting, order=6, number="6", title=LONG_WITHOUT_PAPERS)
    follow = f.agenda_item(
        meeting=meeting, order=7, number="7", title=LONG_WITH_PAPERS, attachment="to_follow"
    )
    follow.title = LONG_WITH_PAPERS.replace("ASSURANCE", "DECISION")
    follow.save()
    built = builder.build(meeting, PackVariant.PUBLIC)
    labels, titles = round_trip(built, tmp_path)
    assert labels == built.page_ranges
    assert titles == {i.number: i.title for i in meeting.items.all()}
    assert built.page_ranges["5"].startswith("Pages ")
