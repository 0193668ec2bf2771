"""The public report page lists the cover sheet's revisions and shows it as it stood on a
date (``?as_at=``); the back-office item page lists them too. Revisions of an exempt item's
report, or of a private meeting's, never reach the public."""

import datetime as dt
import uuid

import pytest
from django.test import Client
from django.utils import timezone

from quorate.governance import services as gov
from quorate.governance.models import BackgroundPaper, ReportRevision
from tests import factories as f

pytestmark = pytest.mark.django_db

LONDON = timezone.get_default_timezone()


def _on(report, number, day):
    """Date revision ``number`` of ``report`` to noon on ``day`` (London)."""
    at = dt.datetime.combine(day, dt.time(12), tzinfo=LONDON)
    ReportRevision.objects.filter(report=report, number=number).update(recorded_at=at)


@pytest.fixture
def revised(clerk):
    meeting = f.meeting(date=dt.date(2024, 3, 14), slug="revised-meeting")
    item = f.agenda_item(meeting=meeting, order=4, number="4", title="Budget")
    report = gov.save_report(
        item, subject="Budget 2024/25", brief_summary="Summary as published", actor="import-pack"
    )
    gov.save_report(
        item,
        subject="Budget 2024/25",
        brief_summary="Summary as corrected",
        recommendations=["Approve the corrected budget"],
        by=clerk,
        reason="Reserve figure corrected",
    )
    _on(report, 1, dt.date(2024, 3, 1))
    _on(report, 2, dt.date(2024, 3, 10))
    return item


def _page(client, item, query=""):
    return client.get(f"/meetings/{item.meeting.slug}/items/{item.order}/{query}")


def test_report_page_lists_revisions_newest_first(client, clerk, revised):
    page = _page(client, revised).content.decode()
    assert "Summary as corrected" in page and "Summary as published" not in page
    table = page[page.index('id="revisions"') :]
    assert table.index("10 March 2024") < table.index("1 March 2024")
    assert "Reserve figure corrected" in table and clerk.username in table
    assert "import-pack" in table and "First recorded" in table
    assert "Brief summary, recommendations" in table
    assert "?as_at=2024-03-01" in table


def test_report_page_as_at_shows_the_sheet_as_it_stood(client, revised):
    page = _page(client, revised, "?as_at=2024-03-05").content.decode()
    assert "Summary as published" in page and "Summary as corrected" not in page
    assert "Approve the corrected budget" not in page
    assert "as it stood on 5 March 2024: revision 1" in page
    later = _page(client, revised, "?as_at=2024-03-10").content.decode()
    assert "Summary as corrected" in later and "Summary as published" not in later
    assert "Approve the corrected budget" in later


def test_report_page_as_at_before_the_first_revision_shows_no_sheet(client, revised):
    page = _page(client, revised, "?as_at=2024-02-01").content.decode()
    assert "No cover sheet of this report had been recorded by 1 February 2024" in page
    assert "Summary as" not in page.split('id="revisions"')[0]


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "20240301", "2024-3-1"])
def test_report_page_bad_as_at_is_a_clear_error(client, revised, bad):
    response = _page(client, revised, f"?as_at={bad}")
    assert response.status_code == 400
    assert "as_at: give a date written YYYY-MM-DD" in response.content.decode()
    assert response["Content-Type"].startswith("text/plain")


def test_backoffice_item_page_lists_report_revisions(clerk_client, clerk, revised):
    page = clerk_client.get(f"/office/meetings/{revised.meeting.pk}/agenda/{revised.pk}/")
    text = page.content.decode()
    table = text[text.index('id="report-revisions"') :]
    assert "Reserve figure corrected" in table and clerk.username in table
    assert "Brief summary, recommendations" in table and "First recorded" in table
    assert table.index("10 March 2024") < table.index("1 March 2024")


def _plant(meeting, *, exempt):
    """A report whose every revision carries a unique marker; returns (item, markers)."""
    markers = [f"LEAK-revision-{uuid.uuid4().hex}" for _ in range(4)]
    item = f.agenda_item(
        meeting=meeting,
        order=2,
        number="2",
        title="Contract award",
        exempt_paragraph=3 if exempt else None,
    )
    report = gov.save_report(item, subject="Contract", brief_summary=markers[0], reason=markers[1])
    gov.save_report(item, subject="Contract", brief_summary=markers[2], reason=markers[3])
    _on(report, 1, dt.date(2024, 1, 2))
    return item, markers


def _assert_hidden(client, item, markers):
    for query in ("", "?as_at=2024-01-03", f"?as_at={timezone.localdate():%Y-%m-%d}"):
        response = _page(client, item, query)
        assert response.status_code == 200
        text = response.content.decode()
        for mark in markers:
            assert mark not in text, (query, mark)
        assert 'id="revisions"' not in text
        # The view itself hands the template nothing (not just the template hiding it).
        assert response.context["revisions"] == [] and response.context["report"] is None
        assert response.context["background_papers"] == []


def test_report_revisions_of_an_exempt_item_never_reach_the_public(clerk, django_user_model):
    item, markers = _plant(f.meeting(slug="leak-revisions"), exempt=True)
    # Staff see them, so the markers are really on the page when allowed ...
    staff = Client()
    staff.force_login(clerk)
    page = _page(staff, item, "?as_at=2024-01-03").content.decode()
    assert markers[0] in page and markers[1] in page and markers[3] in page
    # ... and the public, or a signed-in outsider, never do.
    public = Client()
    _assert_hidden(public, item, markers)
    meeting_page = public.get(f"/meetings/{item.meeting.slug}/").content.decode()
    assert not any(mark in meeting_page for mark in markers)
    public.force_login(django_user_model.objects.create_user("outsider-exempt-revisions"))
    _assert_hidden(public, item, markers)


def test_report_revisions_of_a_private_meeting_never_reach_the_public(client, django_user_model):
    item, markers = _plant(f.meeting(slug="leak-revisions-private", is_public=False), exempt=False)
    _assert_hidden(client, item, markers)
    client.force_login(django_user_model.objects.create_user("outsider-revisions"))
    _assert_hidden(client, item, markers)


def test_report_revisions_of_an_exempt_item_shown_to_members_of_the_body(client, django_user_model):
    item, markers = _plant(f.meeting(slug="leak-revisions-member"), exempt=True)
    user = django_user_model.objects.create_user("member-revisions")
    f.membership(body=item.meeting.body, person=f.person(user=user))
    client.force_login(user)
    page = _page(client, item).content.decode()
    assert markers[2] in page and markers[3] in page and 'id="revisions"' in page


def test_report_page_as_at_keeps_exempt_background_papers_hidden(client, revised):
    marker = f"LEAK-background-{uuid.uuid4().hex}"
    BackgroundPaper.objects.create(report=revised.report, title=marker, exempt_paragraph=1)
    BackgroundPaper.objects.create(report=revised.report, title="Public background paper")
    for query in ("", "?as_at=2024-03-05"):
        page = _page(client, revised, query).content.decode()
        assert marker not in page and "Public background paper" in page
