"""Supplements are numbered per variant: a members-only late paper never shows the public a
gap ("Supplementary pack 2" with no 1)."""

import pytest

from quorate.adapters.pdf import page_texts
from quorate.governance.papers import attach_paper
from quorate.packs import services
from quorate.packs.enums import PackStatus, PackVariant
from tests import factories as f
from tests.adapters.pdf_factories import make_simple_pdf
from tests.leaks import assert_no_markers, crawl, marker

pytestmark = pytest.mark.django_db(transaction=True)


def test_public_supplement_is_number_one_after_a_members_only_supplement(client, pack_meeting):
    meeting = pack_meeting["meeting"]
    secret_title = marker("late-exempt-title")
    late = f.agenda_item(
        meeting=meeting,
        order=5,
        number="5",
        title="LATE EXEMPT PAPER",
        attachment="to_follow",
        exempt_paragraph=3,
    )
    services.request_pack(meeting)
    services.request_pack(meeting, variant=PackVariant.MEMBERS)
    # the exempt paper arrives first: a members' supplement
    attach_paper(late, title=secret_title, filename="late.pdf", data=make_simple_pdf(1))
    members = services.request_pack(meeting, variant=PackVariant.MEMBERS, supplement=True)
    members.refresh_from_db()
    assert members.status == PackStatus.PUBLISHED and members.supplement == 1
    # then the open "To Follow" paper: the public's first supplement is number 1
    attach_paper(
        pack_meeting["follow"], title="Dentistry", filename="d.pdf", data=make_simple_pdf(1)
    )
    public = services.request_pack(meeting, supplement=True)
    public.refresh_from_db()
    assert public.status == PackStatus.PUBLISHED and public.supplement == 1
    assert public.title == "Supplementary pack 1"
    with public.file.open("rb") as fh:
        assert "Supplementary Pack 1" in page_texts(fh.read())[0]
    # the members' second supplement follows its own series
    members2 = services.request_pack(meeting, variant=PackVariant.MEMBERS, supplement=True)
    members2.refresh_from_db()
    assert members2.supplement == 2 and members2.items == ["4"]

    pages = crawl(client)
    assert any("supplement-1" in url or url.startswith("/packs/") for url in pages)
    assert_no_markers(
        pages,
        [secret_title, "Supplementary pack 2", "Supplementary Pack 2", "supplement-2"],
    )
