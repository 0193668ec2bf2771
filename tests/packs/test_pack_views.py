import pytest

from quorate.packs import services
from quorate.packs.enums import PackVariant
from quorate.proceedings import services as proceedings
from tests import factories as f
from tests.leaks import assert_no_markers, crawl, marker, read_body

pytestmark = pytest.mark.django_db(transaction=True)


def test_public_can_download_public_pack_but_not_members_pack(client, pack_meeting):
    meeting = pack_meeting["meeting"]
    public = services.request_pack(meeting)
    members = services.request_pack(meeting, variant=PackVariant.MEMBERS)
    response = client.get(f"/packs/{public.pk}/")
    assert response.status_code == 200
    assert read_body(response).startswith(b"%PDF")
    assert client.get(f"/packs/{members.pk}/").status_code == 404


def test_meeting_page_lists_original_and_every_supplement_and_version(client, pack_meeting):
    from quorate.governance.papers import attach_paper
    from tests.adapters.pdf_factories import make_simple_pdf

    meeting = pack_meeting["meeting"]
    services.request_pack(meeting)
    services.request_pack(meeting, reason="Corrected")
    attach_paper(
        pack_meeting["follow"], title="Dentistry", filename="d.pdf", data=make_simple_pdf(1)
    )
    services.request_pack(meeting, supplement=True)
    page = client.get(f"/meetings/{meeting.slug}/").content.decode()
    assert "Public pack, version 2" in page and "Supplementary pack 1" in page
    assert page.count("Superseded") == 1 and page.count(">Current<") == 2
    assert "Members" not in page


def test_public_crawl_never_reaches_members_pack_or_exempt_text(client, pack_meeting):
    meeting = pack_meeting["meeting"]
    services.request_pack(meeting)
    services.request_pack(meeting, variant=PackVariant.MEMBERS)
    pages = crawl(client)
    assert any(url.startswith("/packs/") for url in pages)
    assert_no_markers(pages, [pack_meeting["secret"], pack_meeting["exempt_item"].description])


def test_backoffice_packs_page_needs_staff(client, django_user_model, pack_meeting):
    url = f"/office/meetings/{pack_meeting['meeting'].slug}/packs/"
    assert client.get(url).status_code == 302
    client.force_login(django_user_model.objects.create_user("not-staff"))
    assert client.get(url).status_code == 403
    assert client.post(url + "compile/", {"variant": "public"}).status_code == 403
    pack = services.request_pack(pack_meeting["meeting"])
    assert client.get(f"/office/packs/{pack.pk}/status.json").status_code == 403
    item = pack_meeting["follow"]
    upload = f"/office/meetings/{pack_meeting['meeting'].slug}/items/{item.pk}/papers/"
    assert client.post(upload, {}).status_code == 403
    assert item.documents.count() == 0


def test_backoffice_compile_and_publish_action(clerk_client, pack_meeting):
    meeting = pack_meeting["meeting"]
    response = clerk_client.post(
        f"/office/meetings/{meeting.slug}/packs/compile/", {"variant": "public"}, follow=True
    )
    page = response.content.decode()
    assert "Public pack" in page and "Published" in page
    assert services.live_pack(meeting) is not None
    again = clerk_client.post(
        f"/office/meetings/{meeting.slug}/packs/compile/", {"variant": "public"}, follow=True
    ).content.decode()
    assert "needs a reason" in again
    status = clerk_client.get(f"/office/packs/{services.live_pack(meeting).pk}/status.json").json()
    assert status["status"] == "published" and status["progress"] == 100


def test_printed_minutes_leave_out_exempt_minutes_for_the_public(clerk):
    from django.test import Client

    client, clerk_client = Client(), Client()
    clerk_client.force_login(clerk)
    meeting = f.meeting(slug="minuted")
    public_item = f.agenda_item(meeting=meeting, order=1, number="1", title="Open business")
    exempt_item = f.agenda_item(
        meeting=meeting, order=2, number="2", title="Closed", exempt_paragraph=1
    )
    secret = marker("exempt-minute")
    proceedings.draft_minute(
        meeting,
        number="1",
        title="Open business",
        text="Discussed openly.",
        agenda_item=public_item,
    )
    proceedings.draft_minute(
        meeting, number="2", title="Closed", text=secret, agenda_item=exempt_item
    )
    proceedings.publish_draft_minutes(meeting)  # the public reads released minutes only
    from quorate.adapters.pdf import page_texts

    public_text = "\n".join(page_texts(client.get("/meetings/minuted/minutes.pdf").content))
    assert "Discussed openly." in public_text and secret not in public_text
    staff_text = "\n".join(page_texts(clerk_client.get("/meetings/minuted/minutes.pdf").content))
    assert secret in staff_text


def test_decision_notice_pdf_for_public_decision_and_404_for_exempt(client):
    meeting = f.meeting(slug="decided")
    item = f.agenda_item(meeting=meeting, order=1, number="1", title="Award")
    exempt = f.agenda_item(meeting=meeting, order=2, number="2", title="Secret", exempt_paragraph=3)
    open_decision = proceedings.record_decision(
        meeting, title="Approve the plan", text="Approved.", agenda_item=item
    )
    closed = proceedings.record_decision(
        meeting, title="Award contract", text=marker("exempt-decision"), agenda_item=exempt
    )
    from quorate.adapters.pdf import page_texts

    text = "\n".join(page_texts(client.get(f"/decisions/{open_decision.pk}/notice.pdf").content))
    assert "Decision Notice" in text and "Approve the plan" in text
    assert client.get(f"/decisions/{closed.pk}/notice.pdf").status_code == 404


def test_backoffice_upload_attaches_a_pdf_and_refuses_a_bad_file_naming_it(
    clerk_client, pack_meeting
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.adapters.pdf_factories import make_encrypted_pdf, make_simple_pdf

    meeting, item = pack_meeting["meeting"], pack_meeting["follow"]
    url = f"/office/meetings/{meeting.slug}/items/{item.pk}/papers/"
    bad = clerk_client.post(
        url, {"file": SimpleUploadedFile("locked.pdf", make_encrypted_pdf()), "title": "Locked"}
    )
    assert bad.status_code == 400
    page = bad.content.decode()
    assert "There is a problem" in page and "locked.pdf" in page
    assert item.documents.count() == 0
    good = clerk_client.post(
        url,
        {
            "file": SimpleUploadedFile("dentistry.pdf", make_simple_pdf(2)),
            "title": "Draft Dentistry Strategy",
            "role": "report",
        },
        follow=True,
    )
    assert "dentistry.pdf attached to item 4" in good.content.decode()
    doc = item.documents.get()
    assert doc.title == "Draft Dentistry Strategy" and doc.current_version.page_count == 2
    item.refresh_from_db()
    assert item.attachment == "attached"


def test_printed_minutes_render_attendees_without_an_organisation(client):
    meeting = f.meeting(slug="no-org-minutes")
    proceedings.record_attendance(meeting, person=f.person(), status="present")
    proceedings.draft_minute(meeting, number="1", title="Welcome", text="Members were welcomed.")
    proceedings.publish_draft_minutes(meeting)
    response = client.get("/meetings/no-org-minutes/minutes.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_printed_minutes_of_unreleased_drafts_do_not_reach_the_public(clerk):
    """The door's rule: the public reads minutes once approved or the draft is published."""
    from django.test import Client

    meeting = f.meeting(slug="draft-only")
    secret = marker("draft-minute")
    proceedings.draft_minute(meeting, number="1", title="Business", text=secret)
    public = Client()
    assert public.get("/meetings/draft-only/minutes.pdf").status_code == 404
    staff = Client()
    staff.force_login(clerk)
    assert staff.get("/meetings/draft-only/minutes.pdf").status_code == 200
    proceedings.publish_draft_minutes(meeting)
    from quorate.adapters.pdf import page_texts

    assert secret in "\n".join(page_texts(public.get("/meetings/draft-only/minutes.pdf").content))


def test_decision_notice_of_a_decision_resting_on_an_exempt_report_is_not_found(client):
    meeting = f.meeting(slug="decided-on-exempt-report")
    exempt = f.agenda_item(meeting=meeting, order=1, number="1", title="Award", exempt_paragraph=3)
    report = f.report(agenda_item=exempt, subject="Contract award")
    decision = proceedings.record_decision(meeting, title="Award", text=marker("x"), report=report)
    assert client.get(f"/decisions/{decision.pk}/notice.pdf").status_code == 404
