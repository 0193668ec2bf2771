import io

import pikepdf
import pytest
from django.core.exceptions import ValidationError

from quorate.adapters.pdf import page_texts
from quorate.audit.models import AuditEvent
from quorate.governance.papers import attach_paper
from quorate.packs import builder, services
from quorate.packs.enums import PackStatus, PackVariant
from quorate.packs.models import Pack
from tests.adapters.pdf_factories import (
    make_encrypted_pdf,
    make_png,
    make_simple_pdf,
    make_truncated_pdf,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _texts(data: bytes) -> list[str]:
    return page_texts(data)


def test_public_pack_numbers_every_page_and_front_sheet_points_at_real_pages(pack_meeting):
    built = builder.build(pack_meeting["meeting"], PackVariant.PUBLIC)
    texts = _texts(built.data)
    assert len(texts) == built.page_count
    for n, text in enumerate(texts, start=1):
        assert f"Page {n}" in text, f"page {n} is not numbered"
    ranges = built.page_ranges
    assert ranges["4"] == "To Follow" and ranges["1"] == ""
    first, last = (int(x) for x in ranges["2"].removeprefix("Pages ").split(" - "))
    assert last - first + 1 == 1 + 3 + 2  # cover sheet, 3-page and 2-page appendices
    assert "Project Fusion Update" in texts[first - 1]
    assert "OUR-PLAN" in texts[first] and "CLINICAL" in texts[last - 1]
    front = texts[0]
    assert "Public Document Pack" in front and f"({ranges['2']})" in front.replace("\n", " ")
    assert "(To Follow)" in front


def test_public_pack_withholds_exempt_papers_but_lists_the_item(pack_meeting):
    built = builder.build(pack_meeting["meeting"], PackVariant.PUBLIC)
    text = "\n".join(_texts(built.data))
    assert pack_meeting["secret"] not in text
    assert pack_meeting["exempt_item"].description not in text
    assert pack_meeting["exempt_item"].report.subject not in text
    assert "CONTRACT AWARD" in text and "paragraph 3" in text
    assert built.page_ranges["3"] == ""


def test_members_pack_includes_exempt_papers_marked_restricted(pack_meeting):
    built = builder.build(pack_meeting["meeting"], PackVariant.MEMBERS)
    texts = _texts(built.data)
    assert any(pack_meeting["secret"] in t for t in texts)
    first, last = (int(x) for x in built.page_ranges["3"].removeprefix("Pages ").split(" - "))
    for page in texts[first - 1 : last]:
        assert "RESTRICTED" in page.upper()


def test_pack_has_bookmarks_per_item_and_appendix_and_metadata(pack_meeting):
    built = builder.build(pack_meeting["meeting"], PackVariant.PUBLIC)
    with pikepdf.open(io.BytesIO(built.data)) as pdf:
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            children = {item.title: [c.title for c in item.children] for item in outline.root}
        assert any("PROJECT FUSION UPDATE" in t for t in titles)
        item2 = next(t for t in titles if "PROJECT FUSION UPDATE" in t)
        assert any("Appendix 1" in c for c in children[item2])
        assert pdf.Root.Lang == "en-GB"
        assert "Pack Test Board" in str(pdf.docinfo.get("/Title"))


def test_request_pack_publishes_and_records_publication_time(pack_meeting, clerk):
    meeting = pack_meeting["meeting"]
    pack = services.request_pack(meeting, by=clerk)
    pack.refresh_from_db()
    assert pack.status == PackStatus.PUBLISHED and pack.progress == 100
    assert len(pack.sha256) == 64 and pack.page_count >= 7
    meeting.refresh_from_db()
    assert meeting.published_at == pack.published_at
    assert services.live_pack(meeting) == pack
    assert AuditEvent.objects.filter(verb="publish_pack", actor=clerk).exists()


def test_published_pack_never_changes_and_reissue_needs_a_reason(pack_meeting):
    meeting = pack_meeting["meeting"]
    first = services.request_pack(meeting)
    first.refresh_from_db()
    first.sha256 = "0" * 64
    with pytest.raises(ValueError, match="never changes"):
        first.save()
    with pytest.raises(ValidationError):
        services.request_pack(meeting)
    second = services.request_pack(meeting, reason="Corrected appendix 2")
    second.refresh_from_db()
    first.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert services.live_pack(meeting) == second
    assert first.status == PackStatus.PUBLISHED and first.file.size == first.size  # still there


def test_failed_compilation_publishes_nothing_and_keeps_previous_live(pack_meeting, monkeypatch):
    meeting = pack_meeting["meeting"]
    live = services.request_pack(meeting)

    def boom(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(builder, "build", boom)
    failed = services.request_pack(meeting, reason="re-issue")
    failed.refresh_from_db()
    assert failed.status == PackStatus.FAILED and "renderer crashed" in failed.error
    assert not failed.file and not failed.sha256
    assert services.live_pack(meeting) == Pack.objects.get(pk=live.pk)


def test_supplement_carries_the_to_follow_paper_with_its_own_numbering(pack_meeting):
    meeting, follow = pack_meeting["meeting"], pack_meeting["follow"]
    services.request_pack(meeting)
    with pytest.raises(ValidationError):
        services.request_pack(meeting, supplement=True)
    attach_paper(
        follow,
        title="Draft Dentistry Strategy",
        filename="dentistry.pdf",
        data=make_simple_pdf(4, marker="DENTISTRY"),
    )
    supplement = services.request_pack(meeting, supplement=True)
    supplement.refresh_from_db()
    assert supplement.status == PackStatus.PUBLISHED and supplement.supplement == 1
    assert supplement.items == ["4"]
    texts = _texts(supplement.file.open("rb").read())
    supplement.file.close()
    assert "Supplementary Pack 1" in texts[0] and "Page 1" in texts[0]
    assert any("DENTISTRY" in t for t in texts)
    assert "PROJECT FUSION UPDATE" not in texts[0]
    assert supplement.page_ranges["4"].startswith("Pages ")


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("secret.pdf", make_encrypted_pdf(), "password"),
        ("broken.pdf", make_truncated_pdf(), "incomplete"),
        ("photo.pdf", make_png(), "photo.pdf"),
    ],
)
def test_bad_uploads_are_refused_naming_the_file(pack_meeting, filename, data, message):
    item = pack_meeting["report_item"]
    before = item.documents.count()
    with pytest.raises(ValidationError) as err:
        attach_paper(item, title="x", filename=filename, data=data)
    assert filename in str(err.value)
    assert item.documents.count() == before


def test_upload_over_the_size_limit_is_refused(pack_meeting, settings):
    settings.QUORATE_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match=r"big\.pdf"):
        attach_paper(
            pack_meeting["report_item"], title="x", filename="big.pdf", data=make_simple_pdf(5)
        )


def test_front_sheet_prints_the_recorded_publication_date_then_the_reissue_date(pack_meeting):
    import datetime as dt

    from django.utils import timezone

    meeting = pack_meeting["meeting"]
    meeting.publication_date = dt.date(2024, 1, 17)
    meeting.save()
    first = services.request_pack(meeting)
    first.refresh_from_db()
    front = _texts(first.file.open("rb").read())[0]
    first.file.close()
    assert "Wednesday, 17 January 2024" in front and "Director of Legal and Governance" in front
    again = services.request_pack(meeting, reason="Corrected")
    again.refresh_from_db()
    front = _texts(again.file.open("rb").read())[0]
    again.file.close()
    assert timezone.localdate().strftime("%-d %B %Y") in front


def test_compilation_runs_in_a_background_thread_and_reports_progress(
    pack_meeting, settings, monkeypatch
):
    """The request returns at once; a named worker thread compiles and reports progress.

    The test waits by joining the worker rather than polling the database: the suite's
    SQLite database is in-memory with a shared cache, where a read racing a write fails
    with "table is locked" instead of waiting."""
    import threading

    settings.QUORATE_PACKS_INLINE = False
    reported: list[tuple[str, int, str]] = []
    original = services._progress

    def spy(pack_id: int, percent: int, message: str) -> None:
        reported.append((threading.current_thread().name, percent, message))
        original(pack_id, percent, message)

    monkeypatch.setattr(services, "_progress", spy)
    pack = services.request_pack(pack_meeting["meeting"])
    assert pack.status == PackStatus.QUEUED
    for thread in threading.enumerate():
        if thread.name == f"pack-{pack.pk}":
            thread.join(timeout=120)
            assert not thread.is_alive(), "the pack compilation did not finish"
    pack.refresh_from_db()
    assert pack.status == PackStatus.PUBLISHED, pack.error
    assert pack.progress == 100 and pack.progress_message == "Published"
    assert reported, "no progress was reported"
    assert {name for name, _, _ in reported} == {f"pack-{pack.pk}"}
    percents = [percent for _, percent, _ in reported]
    assert percents == sorted(percents) and percents[-1] < 100


def test_a_progress_report_that_cannot_be_written_does_not_fail_the_compilation(
    pack_meeting, monkeypatch
):
    from django.db import OperationalError

    def locked(*args, **kwargs):
        raise OperationalError("database table is locked: packs_pack")

    monkeypatch.setattr(services, "_write_progress", locked)
    pack = services.request_pack(pack_meeting["meeting"])
    pack.refresh_from_db()
    assert pack.status == PackStatus.PUBLISHED, pack.error
    assert pack.progress == 100


def test_exempt_to_follow_paper_goes_to_the_members_supplement_not_the_public_one(pack_meeting):
    """The core's rule (pagemap.supplement_items): exempt items never enter a public
    supplement; the members' supplement carries them."""
    meeting = pack_meeting["meeting"]
    from tests import factories as f

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
    attach_paper(late, title="Late exempt", filename="late.pdf", data=make_simple_pdf(1))
    with pytest.raises(ValidationError):
        services.request_pack(meeting, supplement=True)  # nothing new for the public
    members = services.request_pack(meeting, variant=PackVariant.MEMBERS, supplement=True)
    members.refresh_from_db()
    assert members.status == PackStatus.PUBLISHED and members.items == ["5"]


def test_public_pack_carries_and_thereby_releases_the_previous_draft_minutes():
    import datetime as dt

    from quorate.proceedings import services as proceedings
    from quorate.proceedings.models import MinutesApproval
    from tests import factories as f
    from tests.leaks import marker

    body = f.body()
    earlier = f.meeting(body=body, date=dt.date(2023, 10, 16))
    open_item = f.agenda_item(meeting=earlier, order=1, number="1", title="Strategy")
    closed = f.agenda_item(
        meeting=earlier, order=2, number="2", title="Contract", exempt_paragraph=3
    )
    proceedings.draft_minute(
        earlier, number="1", title="Strategy", text="OPEN-MINUTE-TEXT", agenda_item=open_item
    )
    secret = marker("exempt-draft-minute")
    proceedings.draft_minute(earlier, number="2", title="Contract", text=secret, agenda_item=closed)
    later = f.meeting(body=body, date=dt.date(2024, 1, 25))
    f.agenda_item(
        meeting=later, order=1, number="1", title="MINUTES OF THE PREVIOUS MEETING/ ACTION TRACKER"
    )
    assert MinutesApproval.objects.get(meeting=earlier).draft_published_at is None
    pack = services.request_pack(later)
    pack.refresh_from_db()
    text = "\n".join(_texts(pack.file.open("rb").read()))
    pack.file.close()
    assert "OPEN-MINUTE-TEXT" in text and secret not in text
    assert MinutesApproval.objects.get(meeting=earlier).draft_published_at == pack.published_at
