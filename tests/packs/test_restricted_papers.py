"""Exempt appendices of open items, private meetings and the members' pack's front sheet.

An exempt appendix (a Document with ``exempt_paragraph``) on an OPEN item goes only into the
members' pack, where every one of its pages is stamped RESTRICTED; the public pack never
carries it: not its text, nor its title in a bookmark or in the metadata."""

import io

import pikepdf
import pytest

from quorate.adapters.pdf import page_texts
from quorate.governance.papers import attach_paper
from quorate.packs import builder, services
from quorate.packs.enums import PackStatus, PackVariant
from tests import factories as f
from tests.adapters.pdf_factories import make_simple_pdf
from tests.leaks import marker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def exempt_appendix(pack_meeting):
    """Item 2 (open, with a report and two open appendices) gets a third, exempt appendix
    whose title and every page carry unique markers."""
    body_marker = marker("exempt-appendix-text")
    title_marker = marker("exempt-appendix-title")
    attach_paper(
        pack_meeting["report_item"],
        title=f"Appendix 3 - Commercial terms {title_marker}",
        filename="terms.pdf",
        data=make_simple_pdf(3, marker=body_marker),
        exempt_paragraph=3,
    )
    return {**pack_meeting, "body_marker": body_marker, "title_marker": title_marker}


def _all_strings(data: bytes) -> str:
    """Every byte of the PDF with its streams decoded: text, outlines, metadata, tags."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.save(
            out,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.all,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
        with pdf.open_outline() as outline:
            titles = []
            stack = list(outline.root)
            while stack:
                node = stack.pop()
                titles.append(node.title)
                stack.extend(node.children)
        meta = [str(v) for v in pdf.docinfo.values()]
        with pdf.open_metadata() as xmp:
            meta += [str(v) for v in xmp.values()]
    raw = out.getvalue()
    return "\n".join(
        [
            raw.decode("latin-1"),
            raw.decode("utf-16-be", errors="ignore"),
            *page_texts(data),
            *titles,
            *meta,
        ]
    )


def test_members_pack_stamps_every_page_of_an_exempt_appendix_of_an_open_item(exempt_appendix):
    built = builder.build(exempt_appendix["meeting"], PackVariant.MEMBERS)
    texts = page_texts(built.data)
    secret_pages = [t for t in texts if exempt_appendix["body_marker"] in t]
    assert len(secret_pages) == 3
    for page in secret_pages:
        assert "RESTRICTED" in page.upper()
    # the open papers of the same item are not stamped
    for page in texts:
        if "OUR-PLAN" in page or "CLINICAL" in page:
            assert "RESTRICTED – NOT FOR PUBLICATION" not in page.upper()
    # and the front sheet says which paper is not for publication
    assert "Appendix 3 - Commercial terms" in texts[0].replace("\n", " ")
    assert "not for publication" in texts[0].replace("\n", " ")


def test_exempt_appendix_of_an_open_item_never_reaches_the_public_pack(exempt_appendix):
    built = builder.build(exempt_appendix["meeting"], PackVariant.PUBLIC)
    everything = _all_strings(built.data)
    assert exempt_appendix["body_marker"] not in everything
    assert exempt_appendix["title_marker"] not in everything
    assert "Commercial terms" not in everything
    # the open appendices of the item are still there
    assert "OUR-PLAN" in everything and "CLINICAL" in everything


def test_published_public_pack_file_carries_no_exempt_appendix(exempt_appendix, clerk):
    pack = services.request_pack(exempt_appendix["meeting"], by=clerk, inline=True)
    pack.refresh_from_db()
    assert pack.status == PackStatus.PUBLISHED
    with pack.file.open("rb") as fh:
        everything = _all_strings(fh.read())
    assert exempt_appendix["body_marker"] not in everything
    assert exempt_appendix["title_marker"] not in everything


def test_private_meeting_front_sheet_words_items_without_a_paragraph_properly(pack_meeting):
    meeting = pack_meeting["meeting"]
    meeting.is_public = False
    meeting.save()
    built = builder.build(meeting, PackVariant.PUBLIC)
    front = " ".join(page_texts(built.data)[0].split())
    assert "paragraph of Part 1" not in front and "paragraph  of" not in front
    assert "Private meeting: not open to the public" in front
    # the exempt item keeps its paragraph
    assert "Exempt under paragraph 3 of Part 1 of Schedule 12A" in front


def test_members_pack_front_sheet_marks_the_exempt_item_and_title_says_members(pack_meeting):
    built = builder.build(pack_meeting["meeting"], PackVariant.MEMBERS)
    texts = page_texts(built.data)
    front = " ".join(texts[0].split())
    after = front.split("CONTRACT AWARD", 1)[1]
    assert after.lstrip(" (Pages0123456789-)").startswith(
        "Restricted: exempt under paragraph 3 of Part 1 of Schedule 12A"
    )
    assert "Not for publication" in after
    with pikepdf.open(io.BytesIO(built.data)) as pdf:
        assert "members' pack" in str(pdf.docinfo.get("/Title"))
    public = builder.build(pack_meeting["meeting"], PackVariant.PUBLIC)
    with pikepdf.open(io.BytesIO(public.data)) as pdf:
        assert "members" not in str(pdf.docinfo.get("/Title"))


def test_private_meeting_members_pack_says_every_item_is_restricted():
    meeting = f.meeting(slug="private-pack", is_public=False)
    f.agenda_item(meeting=meeting, order=1, number="1", title="STAFFING REVIEW")
    built = builder.build(meeting, PackVariant.MEMBERS)
    front = " ".join(page_texts(built.data)[0].split())
    assert "Restricted: private meeting, not open to the public" in front
