import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quorate.audit.models import AuditEvent
from quorate.governance.models import Membership
from tests import factories as f

pytestmark = pytest.mark.django_db


def _violates(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_agenda_item_exempt_paragraph_outside_1_to_7_is_refused():
    m = f.meeting()
    _violates(lambda: f.agenda_item(meeting=m, exempt_paragraph=8))
    _violates(lambda: f.agenda_item(meeting=m, exempt_paragraph=0))
    assert f.agenda_item(meeting=m, exempt_paragraph=3).is_exempt


def test_agenda_item_page_range_must_be_ordered_and_complete():
    m = f.meeting()
    _violates(lambda: f.agenda_item(meeting=m, page_start=10, page_end=5))
    _violates(lambda: f.agenda_item(meeting=m, page_start=10))
    assert f.agenda_item(meeting=m, page_start=11, page_end=56).pages_label == "Pages 11 - 56"


def test_agenda_item_order_and_number_unique_within_meeting():
    m = f.meeting()
    f.agenda_item(meeting=m, order=1, number="1")
    _violates(lambda: f.agenda_item(meeting=m, order=1, number="2"))
    _violates(lambda: f.agenda_item(meeting=m, order=2, number="1"))
    f.agenda_item(order=1, number="1")  # another meeting may reuse both


def test_agenda_item_purposes_allow_more_than_one():
    item = f.agenda_item(for_discussion=True, for_decision=True)
    assert item.purposes == ["Discussion", "Decision"]


def test_agenda_item_to_follow_shows_to_follow_label():
    assert f.agenda_item(attachment="to_follow").pages_label == "To Follow"


def test_meeting_end_before_start_is_refused():
    _violates(lambda: f.meeting(start_time=dt.time(11), end_time=dt.time(9, 30)))


def test_meeting_starts_at_is_aware_in_london():
    m = f.meeting(date=dt.date(2024, 7, 1), start_time=dt.time(9, 30))
    assert m.starts_at.utcoffset() == dt.timedelta(hours=1)  # BST


def test_membership_end_before_start_is_refused():
    _violates(lambda: f.membership(start_date=dt.date(2024, 1, 1), end_date=dt.date(2023, 1, 1)))


def test_membership_on_date_answers_who_sat_then():
    b = f.body()
    early = f.membership(body=b, start_date=dt.date(2013, 3, 27), end_date=dt.date(2013, 5, 20))
    late = f.membership(body=b, start_date=dt.date(2013, 5, 29))
    always = f.membership(body=b)
    on = lambda d: set(Membership.objects.filter(body=b).on(d))  # noqa: E731
    assert on(dt.date(2013, 4, 1)) == {early, always}
    assert on(dt.date(2013, 5, 20)) == {early, always}  # end date inclusive
    assert on(dt.date(2013, 5, 29)) == {late, always}


def test_body_municipal_year_starts_in_may():
    b = f.body()
    assert b.municipal_year_of(dt.date(2013, 5, 29)) == "2013/14"
    assert b.municipal_year_of(dt.date(2013, 3, 27)) == "2012/13"
    assert b.municipal_year_of(dt.date(2024, 1, 25)) == "2023/24"


def test_terms_of_reference_versions_unique_per_body_and_current_is_latest():
    b = f.body()
    b.terms_of_reference.create(version=1, quorum_rule={"min_members": 4})
    b.terms_of_reference.create(version=2, quorum_rule={"min_members": 5})
    _violates(lambda: b.terms_of_reference.create(version=2))
    assert b.current_terms().version == 2
    assert b.current_terms().quorum_rule == {"min_members": 5}


def test_document_version_checksum_must_be_hex_sha256():
    doc = f.document()
    version = doc.current_version
    assert len(version.sha256) == 64 and version.size == len(b"%PDF-1.4 test")
    _violates(
        lambda: doc.versions.create(
            number=2,
            filename="x.pdf",
            content_type="application/pdf",
            size=1,
            sha256="not-a-checksum",
            file="x.pdf",
        )
    )


def test_audit_events_cannot_be_changed():
    b = f.body()
    from quorate.audit.services import record

    event = record(b, verb="test")
    event.reason = "tampered"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_a_paper_belongs_to_its_items_meeting():
    from quorate.governance.models import Document

    item = f.agenda_item(number="4")
    other = f.meeting(body=item.meeting.body, date=dt.date(2024, 3, 1), slug="other-meeting")
    stray = Document(title="Appendix", meeting=other, agenda_item=item)
    with pytest.raises(ValidationError) as info:
        stray.full_clean()
    assert "meeting" in info.value.message_dict
    loose = Document(title="Appendix", agenda_item=item)
    loose.full_clean()
    assert loose.meeting_id == item.meeting_id  # filled in from the item


def test_document_paragraph_and_version_constraints_hold_in_the_database():
    from quorate.governance.models import Document, DocumentVersion

    item = f.agenda_item(number="5")
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(title="Bad", agenda_item=item, exempt_paragraph=8)
    doc = Document.objects.create(title="Good", agenda_item=item, meeting=item.meeting)
    fields = dict(filename="a.pdf", content_type="application/pdf", size=1, sha256="0" * 64)
    DocumentVersion.objects.create(document=doc, number=1, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.create(document=doc, number=1, **fields)
